package kiln.runtime.interp;

import java.util.List;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;

/** Running hand-written graph text in tests. */
final class Graphs {
    private Graphs() {
    }

    static Graph parse(String text) {
        return GraphParser.parse(text, "test.kir");
    }

    /** Runs {@code text} on {@code args} with a fresh interpreter; its outputs. */
    static List<Object> run(String text, Object... args) {
        return Interpreter.create().run(parse(text), args);
    }

    /** The single output of {@code text} run on {@code args}. */
    static Object eval(String text, Object... args) {
        List<Object> out = run(text, args);
        if (out.size() != 1) {
            throw new AssertionError("expected one output, got " + out);
        }
        return out.getFirst();
    }
}
