package kiln.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bench workloads under JMH: one call of {@code forward} per invocation, for each engine and workload given as
 * parameters. Run through {@code bin/lower jmh} (which passes the JVM flags on to JMH's forks), e.g.
 * <pre>{@code bin/lower jmh WorkloadBenchmark -p workload=lstm_cell_b64_h512,mlp_b4096 -p engine=kiln,libtorch}</pre>
 * {@code -p setting=...} picks a thread setting ("intra-op 1, OpenBLAS 2", "intra-op 2"); empty keeps the
 * engine's first. The inputs are the bench command's (same shapes, seed and arrays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorkloadBenchmark {
    /** A bench workload name (see {@link Workload#resolve}). */
    @Param({"lstm_cell_b64_h512", "lstm_seq_t50_b64_h512", "pointwise_16m", "mlp_b4096", "attention_b8_t128_d256",
            "resnet18_b1", "resnet18_b8", "mobilenet_v3_small_b1"})
    public String workload;

    /** {@code kiln}, {@code libtorch} or {@code ort}. */
    @Param({"kiln"})
    public String engine;

    /** One of the engine's thread settings; empty for its first. */
    @Param({""})
    public String setting;

    private Engine opened;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Workload w = Workload.resolve(workload, null, Workload.defaultFixtures());
        opened = Engines.open(engine, w, Inputs.randomNormal(w.shapes(), Inputs.SEED), "interp");
        opened.use(setting.isEmpty() ? opened.settings().getFirst() : setting);
    }

    @Benchmark
    public void forward() {
        opened.call();
    }

    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }
}
