package kiln.lowering;

/** A service (listed in {@code META-INF/services/kiln.lowering.PassProvider}) that contributes passes. */
public interface PassProvider {
    void register(PassRegistry registry);
}
