package kiln.runtime.interp;

/**
 * Where {@code prim::profile[id=N](%x)} ops record the values they pass through, for the profiling executor (PyTorch's
 * {@code ProfilingRecord}): called on every execution of such an op, from the thread that runs it.
 */
@FunctionalInterface
public interface ProfileSink {
    /** A sink that records nothing: profile ops then only pass their value through. */
    ProfileSink NONE = (id, value) -> { };

    void record(long id, Object value);
}
