package kiln.runtime.tensor;

/**
 * Whether the Vector API ({@code jdk.incubator.vector}) is in the boot layer. Only {@link VectorLoops} touches
 * its classes, and only when this says so; without {@code --add-modules jdk.incubator.vector} kernels run on
 * the scalar loops. The system property {@code kiln.vector=false} turns vector loops off.
 */
final class VectorSupport {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("kiln.vector"));

    private VectorSupport() {
    }
}
