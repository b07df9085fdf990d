package kiln.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import kiln.api.internal.LoadedModel;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.runtime.backend.Environment;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Tensor;
import kiln.testsupport.Fixtures;

/**
 * Absolute times of the reference interpreter on the performance workloads (not a test: nothing is asserted).
 * For each workload: load the archive, build random normal float32 inputs of the shapes its
 * {@code .inputs.json} names, run {@code forward} until warm, then time single calls and print the median and
 * the minimum in ms (wall) and the median process CPU time per call (all threads; on a shared machine the
 * steadier figure). Also the interpreter's per-op dispatch cost: a straight-line graph of {@code aten::add}
 * on ints and on 1-element tensors, in ns per op. Run (after {@code ./mvnw -o -pl cli -am test-compile}):
 * <pre>
 * java --add-modules jdk.incubator.vector -cp CLASSPATH kiln.cli.bench.InterpreterTimes [RUNS] [WORKLOAD...]
 * </pre>
 */
public final class InterpreterTimes {
    private static final List<String> ALL = List.of("dispatch", "pointwise_16m", "lstm_cell_b64_h512", "mlp_b4096",
            "attention_b8_t128_d256", "resnet18", "mobilenet_v3_small");

    /** CPU time of the whole process (all threads), less sensitive than wall time to other load on the machine. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private InterpreterTimes() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> names = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : ALL;
        System.out.printf("java %s, %d cpus, %d runs each%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), runs);
        for (String name : names) {
            if (name.equals("dispatch")) {
                dispatch();
            } else {
                workload(name, runs);
            }
        }
    }

    private static void workload(String name, int runs) throws Exception {
        Path bench = Fixtures.root().resolve("bench");
        Path archive = bench.resolve(name + ".pt");
        List<Object> inputs;
        if (Files.exists(archive)) {
            inputs = inputs(Files.readString(bench.resolve(name + ".inputs.json")), new Random(0));
        } else {
            archive = Fixtures.models().resolve(name + ".pt");
            inputs = List.of(normal(new Random(0), 1, 3, 224, 224));
        }
        LoadedModel model = LoadedModel.open(archive, Environment.standard());
        long deadline = System.nanoTime() + 3_000_000_000L;
        int warm = 0;
        while (warm < 3 || System.nanoTime() < deadline) { // 3 s: the JIT needs seconds of calls to settle
            model.invoke("forward", inputs).close();
            warm++;
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        System.out.println("timed runs from " + java.time.LocalTime.now());
        for (int i = 0; i < runs; i++) {
            long c0 = CPU.getProcessCpuTime();
            long t0 = System.nanoTime();
            Outputs outputs = model.invoke("forward", inputs);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (CPU.getProcessCpuTime() - c0) / 1e6;
            outputs.close(); // the outputs' storage goes back to the pool, as a user done with them would do
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("%-24s median %9.2f ms   min %9.2f ms   cpu median %9.2f ms%n", name, ms[runs / 2], ms[0],
                cpu[runs / 2]);
    }

    /** Per-op cost of the interpreter on graphs of 1,000 dependent adds, ints and 1-element tensors. */
    private static void dispatch() {
        int ops = 1000;
        for (String type : List.of("int", "Tensor")) {
            StringBuilder g = new StringBuilder("graph(%x0 : " + type + ", %y : " + type + "):\n");
            if (type.equals("Tensor")) {
                g.append("  %one : int = prim::Constant[value=1]()\n");
            }
            for (int i = 0; i < ops; i++) {
                g.append("  %x").append(i + 1).append(" : ").append(type).append(" = aten::add(%x").append(i)
                        .append(", %y").append(type.equals("Tensor") ? ", %one" : "").append(")\n");
            }
            g.append("  return (%x").append(ops).append(")\n");
            Graph graph = GraphParser.parse(g.toString(), "dispatch.kir");
            Interpreter interp = Interpreter.create();
            Object[] args = type.equals("int") ? new Object[] {1L, 2L}
                    : new Object[] {Tensor.of(new float[] {1}, 1), Tensor.of(new float[] {2}, 1)};
            int reps = 2000;
            for (int i = 0; i < reps; i++) {
                interp.run(graph, args);
            }
            double[] ns = new double[50];
            for (int r = 0; r < ns.length; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    interp.run(graph, args);
                }
                ns[r] = (System.nanoTime() - t0) / (20.0 * ops);
            }
            Arrays.sort(ns);
            System.out.printf("dispatch aten::add %-8s median %7.1f ns/op  min %7.1f ns/op%n", type,
                    ns[ns.length / 2], ns[0]);
        }
    }

    /** Inputs from {@code {"inputs": [[shape], [[shape], [shape]], ...]}}: a list is a shape or a tuple of them. */
    static List<Object> inputs(String json, Random random) {
        String list = json.substring(json.indexOf('[', json.indexOf("\"inputs\"")));
        int[] pos = {0};
        Object parsed = parse(list, pos);
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) parsed) {
            out.add(value(o, random));
        }
        return out;
    }

    private static Object value(Object shapeOrTuple, Random random) {
        List<?> items = (List<?>) shapeOrTuple;
        if (!items.isEmpty() && items.getFirst() instanceof List) {
            List<Object> elems = new ArrayList<>();
            for (Object o : items) {
                elems.add(value(o, random));
            }
            return new ScriptTuple(elems);
        }
        return normal(random, items.stream().mapToLong(o -> (Long) o).toArray());
    }

    private static Object parse(String s, int[] pos) {
        while (Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
        if (s.charAt(pos[0]) == '[') {
            pos[0]++;
            List<Object> items = new ArrayList<>();
            while (true) {
                while (Character.isWhitespace(s.charAt(pos[0])) || s.charAt(pos[0]) == ',') {
                    pos[0]++;
                }
                if (s.charAt(pos[0]) == ']') {
                    pos[0]++;
                    return items;
                }
                items.add(parse(s, pos));
            }
        }
        int start = pos[0];
        while (Character.isDigit(s.charAt(pos[0])) || s.charAt(pos[0]) == '-') {
            pos[0]++;
        }
        return Long.parseLong(s.substring(start, pos[0]));
    }

    private static Tensor normal(Random random, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] data = new float[Math.toIntExact(n)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return Tensor.copyOf(data, shape);
    }
}
