package kiln.runtime.interp.value;

import java.util.List;
import java.util.Map;
import kiln.dialects.torch.DoubleFormat;
import kiln.dialects.torch.types.Device;
import kiln.runtime.tensor.Tensor;

/**
 * Values as TorchScript's {@code print}, {@code str()} and {@code format} write them (c10's
 * {@code operator<<(IValue)}): tensors as ATen prints them, floats as an IValue double ({@code 1.},
 * {@code 0.10000000000000001}), {@code True}/{@code False}, {@code None}, lists {@code [1, 2]}, tuples
 * {@code (1,)}, dicts {@code {a: 1}}; strings are written bare, inside containers too.
 */
public final class ValuePrinter {
    private ValuePrinter() {
    }

    public static String print(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** {@code prim::Print}: the values separated by spaces, then a newline. */
    public static String printLine(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            append(out, values.get(i));
        }
        return out.append('\n').toString();
    }

    public static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("None");
            case Tensor t -> out.append(t.toAtenString());
            case Double d -> out.append(DoubleFormat.format(d));
            case Boolean b -> out.append(b ? "True" : "False");
            case ScriptList l -> sequence(out, l.items(), "[", "]");
            case ScriptTuple t -> sequence(out, t.elements(), "(", t.size() == 1 ? ",)" : ")");
            case ScriptDict d -> dict(out, d.entries());
            case ScriptObject o -> out.append('<').append(o.className()).append(" object at 0x")
                    .append(Integer.toHexString(System.identityHashCode(o))).append('>');
            case ScriptFuture f -> out.append("Future");
            case Device d -> out.append(d);
            default -> out.append(value);
        }
    }

    private static void sequence(StringBuilder out, List<?> items, String open, String close) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, items.get(i));
        }
        out.append(close);
    }

    private static void dict(StringBuilder out, Map<?, ?> entries) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, e.getKey());
            out.append(": ");
            append(out, e.getValue());
        }
        out.append('}');
    }
}
