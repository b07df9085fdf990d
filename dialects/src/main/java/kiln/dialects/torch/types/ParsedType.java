package kiln.dialects.torch.types;

import java.util.Objects;

/** A type read from text, and the offset just past its last character. */
public record ParsedType(TorchType type, int end) {
    public ParsedType {
        Objects.requireNonNull(type, "type");
    }
}
