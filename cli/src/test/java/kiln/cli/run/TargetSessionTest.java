package kiln.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kiln.api.internal.TargetSession;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.GraphModule;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.GraphPrinter;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Capabilities;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Executable;
import kiln.runtime.interp.InterpreterBackend;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A target session runs the backend's lowering pipeline on each module before the backend compiles it. */
class TargetSessionTest {
    /** The interpreter behind a pipeline, keeping the text of each function it was given. */
    private static final class Recording implements Backend {
        final Backend interp = new InterpreterBackend();
        final String pipeline;
        final List<String> seen = new ArrayList<>();

        Recording(String pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "records what it compiles";
        }

        @Override
        public Capabilities capabilities() {
            return interp.capabilities();
        }

        @Override
        public Set<String> inputDialects() {
            return interp.inputDialects();
        }

        @Override
        public String loweringPipeline() {
            return pipeline;
        }

        @Override
        public Session open(Environment environment) {
            Session inner = interp.open(environment);
            return new Session() {
                @Override
                public Executable compile(Operation module, String function) {
                    seen.add(GraphPrinter.print(GraphModule.function(module, function)));
                    return inner.compile(module, function);
                }

                @Override
                public List<String> unsupportedOps(Operation module, String function) {
                    return inner.unsupportedOps(module, function);
                }
            };
        }
    }

    private static final String ALIASES = """
            graph(%x : Tensor):
              %r : Tensor = aten::absolute(%x)
              return (%r)
            """;

    @Test
    void theBackendsPipelineRunsBeforeItCompiles() {
        Recording backend = new Recording("normalize-ops");
        TargetSession s = TargetSession.open(backend, Environment.standard());
        List<Object> out = s.compile("abs", GraphParser.parse(ALIASES)).run(List.of(Tensor.of(new float[] {-2}, 1)));
        assertEquals(2f, ((Tensor) out.getFirst()).toFloatArray()[0]);
        assertEquals(1, backend.seen.size());
        assertTrue(backend.seen.getFirst().contains("aten::abs(%x)"), backend.seen.getFirst());
    }

    @Test
    void noPipelineLeavesTheFunctionAsItIs() {
        Recording backend = new Recording("");
        TargetSession.open(backend, Environment.standard()).compile("abs", GraphParser.parse(ALIASES));
        assertTrue(backend.seen.getFirst().contains("aten::absolute(%x)"), backend.seen.getFirst());
    }

    @Test
    void aPipelineNamingAnUnknownPassIsRefusedAtOpen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetSession.open(new Recording("no-such-pass"), Environment.standard()));
        assertTrue(e.getMessage().contains("unknown pass 'no-such-pass'"), e.getMessage());
    }
}
