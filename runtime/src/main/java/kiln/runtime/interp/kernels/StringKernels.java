package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.list;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.torch.types.LeafType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ValuePrinter;

/**
 * Kernels of {@code str} that print values ({@code str()}, {@code format}) or make lists ({@code join},
 * {@code list}, {@code split}, {@code splitlines}); the methods with scalar results are scalar operators
 * ({@link kiln.dialects.torch.scalar.ScalarOps}, registered by {@link ScalarKernels}).
 */
final class StringKernels {
    private StringKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::str", a -> ValuePrinter.print(a[0]));
        r.register("aten::format", a -> format(a));
        r.register("aten::join", a -> String.join(str(a[0]), strings(list(a[1]))));
        r.register("aten::list", a -> {
            ScriptList out = ScriptList.empty(LeafType.STR);
            str(a[0]).chars().forEach(c -> out.add(String.valueOf((char) c)));
            return out;
        });
        r.register("aten::split.str", a -> split(str(a[0]), (String) a[1], toLong(a[2])));
        r.register("aten::splitlines", a -> {
            ScriptList out = ScriptList.empty(LeafType.STR);
            boolean keep = toBool(a[1]);
            String s = str(a[0]);
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    out.add(s.substring(start, keep ? i + 1 : i));
                    start = i + 1;
                }
            }
            if (start < s.length()) {
                out.add(s.substring(start));
            }
            return out;
        });
    }

    /** {@code str.format} with {@code {}} fields only, as TorchScript's {@code aten::format}. */
    static String format(Object[] a) {
        String fmt = str(a[0]);
        StringBuilder out = new StringBuilder();
        int used = 1;
        int begin = 0;
        while (true) {
            int at = fmt.indexOf("{}", begin);
            if (at < 0) {
                out.append(fmt, begin, fmt.length());
                return out.toString();
            }
            out.append(fmt, begin, at);
            if (used >= a.length) {
                throw ScriptException.runtimeError("Too few arguments for format string: " + fmt);
            }
            ValuePrinter.append(out, a[used++]);
            begin = at + 2;
        }
    }

    static List<String> strings(ScriptList l) {
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(str(o));
        }
        return out;
    }

    private static ScriptList split(String s, String separator, long max) {
        ScriptList out = ScriptList.empty(LeafType.STR);
        if (separator == null) {
            String rest = s.stripLeading();
            long splits = 0;
            while (!rest.isEmpty()) {
                int at = 0;
                while (at < rest.length() && !Character.isWhitespace(rest.charAt(at))) {
                    at++;
                }
                if (max >= 0 && splits == max) {
                    out.add(rest.stripTrailing());
                    break;
                }
                out.add(rest.substring(0, at));
                splits++;
                rest = rest.substring(at).stripLeading();
            }
            return out;
        }
        if (separator.isEmpty()) {
            throw ScriptException.valueError("empty separator");
        }
        int from = 0;
        for (long n = 0; max < 0 || n < max; n++) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                break;
            }
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
        out.add(s.substring(from));
        return out;
    }
}
