package kiln.dialects.torch.types;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * c10's {@code Device}: a type and an optional index. Prints as c10 does: {@code cpu}, {@code cuda:0}.
 */
public record Device(DeviceType type, OptionalInt index) {
    public static final Device CPU = new Device(DeviceType.CPU, OptionalInt.empty());
    /** c10's {@code DeviceIndex} is an int8. */
    public static final int MAX_INDEX = Byte.MAX_VALUE;

    public Device {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(index, "index");
        if (index.isPresent() && (index.getAsInt() < 0 || index.getAsInt() > MAX_INDEX)) {
            throw new IllegalArgumentException("device index must be in 0.." + MAX_INDEX + ", got " + index.getAsInt());
        }
    }

    public static Device of(DeviceType type) {
        return new Device(type, OptionalInt.empty());
    }

    public static Device of(DeviceType type, int index) {
        return new Device(type, OptionalInt.of(index));
    }

    /** Reads {@code cpu}, {@code cuda}, {@code cuda:1}. */
    public static Device parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        DeviceType type = DeviceType.fromText(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown device type '" + name + "'"));
        if (colon < 0) {
            return of(type);
        }
        try {
            return of(type, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad device index in '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return index.isPresent() ? type.text() + ":" + index.getAsInt() : type.text();
    }
}
