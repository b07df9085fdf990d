package kiln.dialects.ir;

import java.util.Objects;

/** A declared attribute of an op: its name, the attribute class it must be, and whether it must be present. */
public record AttrSpec(String name, Class<? extends Attribute> kind, boolean required) {
    public AttrSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
    }

    public static AttrSpec required(String name, Class<? extends Attribute> kind) {
        return new AttrSpec(name, kind, true);
    }

    public static AttrSpec optional(String name, Class<? extends Attribute> kind) {
        return new AttrSpec(name, kind, false);
    }
}
