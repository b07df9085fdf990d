package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.list;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kiln.dialects.torch.types.LeafType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.ValuePrinter;

/** Kernels of {@code str}: conversion ({@code str()}, {@code format}), comparison and the string methods. */
final class StringKernels {
    private StringKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::str", a -> ValuePrinter.print(a[0]));
        r.register("aten::format", a -> format(a));
        r.register("aten::join", a -> String.join(str(a[0]), strings(list(a[1]))));
        r.register("aten::len.str", a -> (long) str(a[0]).length());
        r.register("aten::add.str", a -> str(a[0]) + str(a[1]));
        r.register("aten::eq.str", a -> str(a[0]).equals(str(a[1])));
        r.register("aten::ne.str", a -> !str(a[0]).equals(str(a[1])));
        r.register("aten::lt.str", a -> str(a[0]).compareTo(str(a[1])) < 0);
        r.register("aten::le.str", a -> str(a[0]).compareTo(str(a[1])) <= 0);
        r.register("aten::gt.str", a -> str(a[0]).compareTo(str(a[1])) > 0);
        r.register("aten::ge.str", a -> str(a[0]).compareTo(str(a[1])) >= 0);
        r.register("aten::__getitem__.str", a -> {
            String s = str(a[0]);
            return String.valueOf(s.charAt(PySlice.index(toLong(a[1]), s.length(), "string")));
        });
        r.register("aten::slice.str", a -> {
            String s = str(a[0]);
            StringBuilder out = new StringBuilder();
            for (int i : PySlice.positions(s.length(), optLong(a[1]), optLong(a[2]), toLong(a[3]))) {
                out.append(s.charAt(i));
            }
            return out.toString();
        });
        r.register("aten::list", a -> {
            ScriptList out = ScriptList.empty(LeafType.STR);
            str(a[0]).chars().forEach(c -> out.add(String.valueOf((char) c)));
            return out;
        });
        r.register("aten::lower", a -> str(a[0]).toLowerCase(Locale.ROOT));
        r.register("aten::upper", a -> str(a[0]).toUpperCase(Locale.ROOT));
        r.register("aten::strip", a -> strip(str(a[0]), str(a[1]), true, true));
        r.register("aten::lstrip", a -> strip(str(a[0]), str(a[1]), true, false));
        r.register("aten::rstrip", a -> strip(str(a[0]), str(a[1]), false, true));
        r.register("aten::startswith", a -> range(a).startsWith(str(a[1])));
        r.register("aten::endswith", a -> range(a).endsWith(str(a[1])));
        r.register("aten::find", a -> find(a, false));
        r.register("aten::rfind", a -> find(a, true));
        r.register("aten::count", a -> count(range(a), str(a[1])));
        r.register("aten::replace", a -> replace(str(a[0]), str(a[1]), str(a[2]), toLong(a[3])));
        r.register("aten::split.str", a -> split(str(a[0]), (String) a[1], toLong(a[2])));
        r.register("aten::partition", a -> partition(str(a[0]), str(a[1]), false));
        r.register("aten::rpartition", a -> partition(str(a[0]), str(a[1]), true));
        r.register("aten::isdigit", a -> all(str(a[0]), Character::isDigit));
        r.register("aten::isalpha", a -> all(str(a[0]), Character::isLetter));
        r.register("aten::isalnum", a -> all(str(a[0]), Character::isLetterOrDigit));
        r.register("aten::isspace", a -> all(str(a[0]), Character::isWhitespace));
        r.register("aten::islower", a -> hasCased(str(a[0])) && str(a[0]).equals(str(a[0]).toLowerCase(Locale.ROOT)));
        r.register("aten::isupper", a -> hasCased(str(a[0])) && str(a[0]).equals(str(a[0]).toUpperCase(Locale.ROOT)));
        r.register("aten::capitalize", a -> {
            String s = str(a[0]);
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        });
        r.register("aten::zfill", a -> zfill(str(a[0]), toLong(a[1])));
        r.register("aten::ljust", a -> pad(str(a[0]), toLong(a[1]), str(a[2]), 0));
        r.register("aten::rjust", a -> pad(str(a[0]), toLong(a[1]), str(a[2]), 1));
        r.register("aten::center", a -> pad(str(a[0]), toLong(a[1]), str(a[2]), 2));
        r.register("aten::ord", a -> {
            String s = str(a[0]);
            if (s.codePointCount(0, s.length()) != 1) {
                throw ScriptException.typeError("ord() expected a character, but string of length " + s.length()
                        + " found");
            }
            return (long) s.codePointAt(0);
        });
        r.register("aten::chr", a -> new String(Character.toChars(Math.toIntExact(toLong(a[0])))));
        r.register("aten::hex", a -> radix(toLong(a[0]), 16, "0x"));
        r.register("aten::oct", a -> radix(toLong(a[0]), 8, "0o"));
        r.register("aten::bin", a -> radix(toLong(a[0]), 2, "0b"));
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

    /** The part of {@code a[0]} between the {@code start} and {@code end} arguments a[2], a[3]. */
    private static String range(Object[] a) {
        String s = str(a[0]);
        int[] b = bounds(s.length(), toLong(a[2]), toLong(a[3]));
        return b[0] <= b[1] ? s.substring(b[0], b[1]) : "";
    }

    /** TorchScript's start/end of the string methods: negative start counts from the end, end -1 is the end. */
    private static int[] bounds(int n, long start, long end) {
        long s = start < 0 ? Math.max(0, n + start) : Math.min(start, n);
        long e = end < 0 ? Math.max(0, n + end + 1) : Math.min(end, n);
        return new int[] {(int) s, (int) e};
    }

    private static long find(Object[] a, boolean last) {
        String s = str(a[0]);
        int[] b = bounds(s.length(), toLong(a[2]), toLong(a[3]));
        if (b[0] > b[1]) {
            return -1;
        }
        String part = s.substring(b[0], b[1]);
        int i = last ? part.lastIndexOf(str(a[1])) : part.indexOf(str(a[1]));
        return i < 0 ? -1 : i + b[0];
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        long n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    private static String replace(String s, String old, String replacement, long max) {
        if (max < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (long done = 0; done < max; done++) {
            int at = s.indexOf(old, from);
            if (at < 0 || old.isEmpty()) {
                break;
            }
            out.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return out.append(s.substring(from)).toString();
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int b = 0;
        int e = s.length();
        while (left && b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (right && e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
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

    private static ScriptTuple partition(String s, String sep, boolean last) {
        int at = last ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return last ? ScriptTuple.of("", "", s) : ScriptTuple.of(s, "", "");
        }
        return ScriptTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }

    private static boolean all(String s, java.util.function.IntPredicate p) {
        return !s.isEmpty() && s.chars().allMatch(p);
    }

    private static boolean hasCased(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }

    private static String zfill(String s, long width) {
        if (s.length() >= width) {
            return s;
        }
        String zeros = "0".repeat((int) (width - s.length()));
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? s.charAt(0) + zeros + s.substring(1)
                : zeros + s;
    }

    /** {@code ljust} (0), {@code rjust} (1) or {@code center} (2). */
    private static String pad(String s, long width, String fill, int mode) {
        if (fill.length() != 1) {
            throw ScriptException.typeError("The fill character must be exactly one character long");
        }
        int total = (int) Math.max(0, width - s.length());
        int left = switch (mode) {
            case 0 -> 0;
            case 1 -> total;
            default -> total / 2 + (total & (int) width & 1);
        };
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    private static String radix(long v, int radix, String prefix) {
        return (v < 0 ? "-" : "") + prefix + Long.toString(Math.abs(v), radix);
    }
}
