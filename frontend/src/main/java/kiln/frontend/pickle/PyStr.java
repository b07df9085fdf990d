package kiln.frontend.pickle;

import java.util.Objects;

/** Python {@code str}. */
public record PyStr(String value) implements PyValue {
    public PyStr {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
        return "str";
    }

    @Override
    public String toString() {
        return "'" + value + "'";
    }
}
