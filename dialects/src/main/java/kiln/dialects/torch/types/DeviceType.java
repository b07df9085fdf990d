package kiln.dialects.torch.types;

import java.util.Optional;

/** c10's {@code DeviceType}, with the lower-case names devices print with ({@code cpu}, {@code cuda}). */
public enum DeviceType {
    CPU("cpu"),
    CUDA("cuda"),
    MKLDNN("mkldnn"),
    OPENGL("opengl"),
    OPENCL("opencl"),
    IDEEP("ideep"),
    HIP("hip"),
    FPGA("fpga"),
    MAIA("maia"),
    XLA("xla"),
    VULKAN("vulkan"),
    METAL("metal"),
    XPU("xpu"),
    MPS("mps"),
    META("meta"),
    HPU("hpu"),
    VE("ve"),
    LAZY("lazy"),
    IPU("ipu"),
    MTIA("mtia"),
    PRIVATE_USE_ONE("privateuseone");

    private final String text;

    DeviceType(String text) {
        this.text = text;
    }

    /** The lower-case name: {@code cuda}. */
    public String text() {
        return text;
    }

    /** The device type printed as {@code name}, if any. */
    public static Optional<DeviceType> fromText(String name) {
        for (DeviceType t : values()) {
            if (t.text.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
