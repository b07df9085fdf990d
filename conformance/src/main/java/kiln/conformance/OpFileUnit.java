package kiln.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.api.internal.PickledValues;
import kiln.api.internal.TargetSession;
import kiln.frontend.archive.OpCaseFiles;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PyValue;
import kiln.executor.ExecutorOptions;
import kiln.runtime.backend.Backend;
import kiln.runtime.backend.Environment;

/**
 * The selected cases of one operator file ({@code ops/<op>.pt}): each case's {@code src} is compiled by Kiln's
 * TorchScript compiler and inlined, compiled for the target, run on the case's {@code inputs} and compared with
 * {@code expected}.
 *
 * @param file     the file
 * @param selected case index → case id
 */
record OpFileUnit(Path file, Map<Integer, String> selected) implements CaseUnit {
    private static final OperatorRegistry SCHEMAS = OperatorRegistry.standard();

    @Override
    public String group() {
        return "ops";
    }

    @Override
    public void run(Backend backend, ExecutorOptions optimization, CaseExecutor executor, Listener listener) {
        Set<String> reported = new HashSet<>();
        StringBuilder printed = new StringBuilder();
        TargetSession session = TargetSession.open(backend, Environment.standard().withOutput(printed)
                .withWarnings(printed), optimization);
        int[] index = {0};
        try {
            OpCaseFiles.forEachIn(file, c -> {
                String id = selected.get(index[0]++);
                if (id != null) {
                    long start = System.nanoTime();
                    printed.setLength(0);
                    Verdict v = executor.run(() -> runCase(c, session));
                    reported.add(id);
                    listener.done(id, v, (System.nanoTime() - start) / 1e9);
                }
            });
        } catch (Exception e) {
            // the file went bad after planning read it
            CaseUnit.errorRest(ids(), reported, listener, "cannot read " + file.getFileName() + ": "
                    + CaseExecutor.describe(e));
        }
    }

    private static Verdict runCase(OpCaseFiles.OpCase c, TargetSession session) {
        String fn = c.string("fn");
        Graph g = new ScriptCompiler(ScriptUnit.fromSource(c.string("src"), c.file(), "__torch__"), SCHEMAS)
                .inlinedFunction("__torch__." + fn);
        PickledValues values = new PickledValues();
        List<Object> inputs = new ArrayList<>();
        for (PyValue v : ((PySequence) c.field("inputs")).items()) {
            inputs.add(values.convert(v));
        }
        List<Object> out = session.compile(fn, g).run(inputs);
        return Verdict.of(FixtureComparison.compare(c.field("expected"), out.size() == 1 ? out.getFirst() : out));
    }
}
