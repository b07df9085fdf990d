package kiln.dialects.torch.schema;

import java.util.List;
import java.util.stream.Collectors;
import kiln.dialects.torch.DoubleFormat;
import kiln.dialects.torch.QuotedString;

/**
 * The default value of a schema argument, as c10 stores it (an {@code IValue}): {@code None}, an int, a float,
 * a bool, a string (or a device, kept as its string), a complex number, or a list of ints, floats or bools. {@link #toString()} prints
 * it as c10 does in a schema ({@code 1.}, {@code 1.0000000000000001e-05}, {@code True}, {@code "mean"},
 * {@code [0, 1]}).
 *
 * <p>The dtype, layout, memory-format and reduction names PyTorch's schema parser accepts ({@code long},
 * {@code float}, {@code strided}, {@code contiguous_format}, {@code Mean}) are read as the integers c10 stores
 * for them, so they print back as numbers, as in PyTorch ({@code ScalarType? dtype=4}).
 */
public sealed interface DefaultValue {

    /** {@code None}. */
    enum None implements DefaultValue {
        INSTANCE;

        @Override
        public String toString() {
            return "None";
        }
    }

    record IntValue(long value) implements DefaultValue {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A float; as for every record, equality compares with {@link Double#compare} (NaN equals NaN). */
    record FloatValue(double value) implements DefaultValue {
        @Override
        public String toString() {
            return DoubleFormat.format(value);
        }
    }

    /** A complex default ({@code 2j} in a schema); only purely imaginary literals can be written. */
    record ComplexValue(double real, double imag) implements DefaultValue {
        @Override
        public String toString() {
            return real == 0 ? DoubleFormat.format(imag) + "j"
                    : DoubleFormat.format(real) + (imag < 0 ? "-" : "+") + DoubleFormat.format(Math.abs(imag)) + "j";
        }
    }

    record BoolValue(boolean value) implements DefaultValue {
        @Override
        public String toString() {
            return value ? "True" : "False";
        }
    }

    /** A string; also the default of a {@code Device} argument, written as a string literal ({@code "cpu"}). */
    record StrValue(String value) implements DefaultValue {
        @Override
        public String toString() {
            return QuotedString.quote(value);
        }
    }

    record IntListValue(List<Long> values) implements DefaultValue {
        public IntListValue {
            values = List.copyOf(values);
        }

        /** Whether c10 prints this list as its one repeated element ({@code int[2] stride=1}). */
        public boolean isRepeatedElement() {
            return values.size() > 1 && values.stream().distinct().count() == 1;
        }

        @Override
        public String toString() {
            return list(values);
        }
    }

    record FloatListValue(List<Double> values) implements DefaultValue {
        public FloatListValue {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return values.stream().map(DoubleFormat::format).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    record BoolListValue(List<Boolean> values) implements DefaultValue {
        public BoolListValue {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return values.stream().map(b -> b ? "True" : "False").collect(Collectors.joining(", ", "[", "]"));
        }
    }

    private static String list(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
