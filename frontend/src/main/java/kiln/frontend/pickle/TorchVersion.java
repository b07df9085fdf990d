package kiln.frontend.pickle;

import java.util.Objects;

/** {@code torch.torch_version.TorchVersion}, a version string such as {@code "2.11.0+cu130"}. */
public record TorchVersion(String version) implements PyValue {
    public TorchVersion {
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String typeName() {
        return "TorchVersion";
    }

    @Override
    public String toString() {
        return version;
    }
}
