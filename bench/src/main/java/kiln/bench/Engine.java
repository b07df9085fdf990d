package kiln.bench;

import java.util.List;

/**
 * One way to run a workload: Kiln, libtorch or ONNX Runtime, prepared with the workload's inputs. {@link #call}
 * is what is timed; {@link #outputs} reads the last call's results for the agreement check.
 */
interface Engine extends AutoCloseable {
    /** Short name for tables: {@code kiln}, {@code libtorch}, {@code ort}. */
    String name();

    /**
     * The configurations worth measuring (thread counts); the bench times each and keeps the fastest. One
     * entry when there is nothing to choose.
     */
    default List<String> settings() {
        return List.of("default");
    }

    /** Switches to one of {@link #settings()}. */
    default void use(String setting) {
    }

    /** Runs the workload once on the prepared inputs (the previous call's outputs may be released). */
    void call();

    /** The last call's outputs, tuples flattened, as float32 arrays. */
    List<float[]> outputs();

    @Override
    default void close() {
    }
}
