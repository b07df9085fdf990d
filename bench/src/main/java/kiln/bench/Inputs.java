package kiln.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A workload's arguments: float32 arrays, possibly nested in tuples, exactly as TorchScript's {@code forward}
 * takes them. The same arrays are handed to every engine, so all of them compute the same thing.
 */
final class Inputs {
    private Inputs() {
    }

    /** One argument: an array or a tuple of arguments. */
    sealed interface Arg permits Array, Tuple {
    }

    /** A float32 array in row-major order. */
    record Array(long[] shape, float[] data) implements Arg {
        @Override
        public String toString() {
            return Arrays.toString(shape);
        }
    }

    /** A tuple of arguments (a TorchScript {@code Tuple[...]}). */
    record Tuple(List<Arg> elements) implements Arg {
        @Override
        public String toString() {
            return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** The seed every workload's inputs are drawn with. */
    static final long SEED = 20261126L;

    /**
     * Shapes read from an {@code .inputs.json} file ({@code {"inputs": [[64, 512], [[64, 512], [64, 512]]]}}: a list
     * of numbers is a shape, a list of lists a tuple).
     */
    static List<Object> shapesFromJson(Path file) throws IOException {
        Object doc = Json.parse(Files.readString(file));
        if (!(doc instanceof Map<?, ?> m) || !(m.get("inputs") instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": expected {\"inputs\": [shape, ...]}");
        }
        if (m.get("dtype") instanceof String dtype && !dtype.equals("float32")) {
            throw new IllegalArgumentException(file + ": only float32 inputs are supported, not " + dtype);
        }
        return List.copyOf(list);
    }

    /** Random normal float32 arguments of the given shapes (see {@link #shapesFromJson}), drawn with {@code seed}. */
    static List<Arg> randomNormal(List<?> shapes, long seed) {
        Random random = new Random(seed);
        List<Arg> args = new ArrayList<>();
        for (Object s : shapes) {
            args.add(randomNormal(s, random));
        }
        return List.copyOf(args);
    }

    private static Arg randomNormal(Object shape, Random random) {
        if (!(shape instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a shape or a tuple of shapes, got " + shape);
        }
        if (!list.isEmpty() && list.getFirst() instanceof List<?>) {
            List<Arg> elements = new ArrayList<>();
            for (Object s : list) {
                elements.add(randomNormal(s, random));
            }
            return new Tuple(List.copyOf(elements));
        }
        long[] dims = list.stream().mapToLong(d -> ((Number) d).longValue()).toArray();
        float[] data = new float[Math.toIntExact(Arrays.stream(dims).reduce(1, Math::multiplyExact))];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new Array(dims, data);
    }

    /** Shapes as people write them: {@code [64, 512], ([64, 512], [64, 512])}. */
    static String describe(List<?> shapes) {
        return shapes.stream().map(Inputs::describeOne).collect(Collectors.joining(", "));
    }

    private static String describeOne(Object shape) {
        List<?> list = (List<?>) shape;
        if (!list.isEmpty() && list.getFirst() instanceof List<?>) {
            return "(" + describe(list) + ")";
        }
        return list.stream().map(d -> String.valueOf(((Number) d).longValue())).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The arrays of {@code args} in order, tuples flattened (how ONNX exports take them). */
    static List<Array> flatten(List<Arg> args) {
        List<Array> out = new ArrayList<>();
        for (Arg a : args) {
            switch (a) {
                case Array array -> out.add(array);
                case Tuple t -> out.addAll(flatten(t.elements()));
            }
        }
        return out;
    }
}
