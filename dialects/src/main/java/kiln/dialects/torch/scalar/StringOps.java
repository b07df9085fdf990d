package kiln.dialects.torch.scalar;

import static kiln.dialects.torch.scalar.ScalarArgs.optLong;
import static kiln.dialects.torch.scalar.ScalarArgs.str;
import static kiln.dialects.torch.scalar.ScalarArgs.toLong;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The {@code str} operators and methods whose results are scalars (or tuples of them): concatenation, comparison,
 * length, indexing and slicing, case, stripping, search, padding, {@code ord}/{@code chr} and the radix spellings
 * of ints.
 */
final class StringOps {
    private StringOps() {
    }

    static void define(ScalarOps.Table t) {
        t.define("aten::len.str", a -> (long) str(a[0]).length());
        t.define("aten::add.str", a -> str(a[0]) + str(a[1]));
        t.define("aten::eq.str", a -> str(a[0]).equals(str(a[1])));
        t.define("aten::ne.str", a -> !str(a[0]).equals(str(a[1])));
        t.define("aten::lt.str", a -> str(a[0]).compareTo(str(a[1])) < 0);
        t.define("aten::le.str", a -> str(a[0]).compareTo(str(a[1])) <= 0);
        t.define("aten::gt.str", a -> str(a[0]).compareTo(str(a[1])) > 0);
        t.define("aten::ge.str", a -> str(a[0]).compareTo(str(a[1])) >= 0);
        t.define("aten::__getitem__.str", a -> {
            String s = str(a[0]);
            return String.valueOf(s.charAt(PySlice.index(toLong(a[1]), s.length(), "string")));
        });
        t.define("aten::slice.str", a -> {
            String s = str(a[0]);
            StringBuilder out = new StringBuilder();
            for (int i : PySlice.positions(s.length(), optLong(a[1]), optLong(a[2]), toLong(a[3]))) {
                out.append(s.charAt(i));
            }
            return out.toString();
        });
        t.define("aten::lower", a -> str(a[0]).toLowerCase(Locale.ROOT));
        t.define("aten::upper", a -> str(a[0]).toUpperCase(Locale.ROOT));
        t.define("aten::capitalize", a -> {
            String s = str(a[0]);
            return s.isEmpty() ? s
                    : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        });
        t.define("aten::strip", a -> strip(str(a[0]), str(a[1]), true, true));
        t.define("aten::lstrip", a -> strip(str(a[0]), str(a[1]), true, false));
        t.define("aten::rstrip", a -> strip(str(a[0]), str(a[1]), false, true));
        t.define("aten::startswith", a -> range(a).startsWith(str(a[1])));
        t.define("aten::endswith", a -> range(a).endsWith(str(a[1])));
        t.define("aten::find", a -> find(a, false));
        t.define("aten::rfind", a -> find(a, true));
        t.define("aten::count", a -> count(range(a), str(a[1])));
        t.define("aten::replace", a -> replace(str(a[0]), str(a[1]), str(a[2]), toLong(a[3])));
        t.define("aten::partition", a -> partition(str(a[0]), str(a[1]), false));
        t.define("aten::rpartition", a -> partition(str(a[0]), str(a[1]), true));
        t.define("aten::isdigit", a -> all(str(a[0]), Character::isDigit));
        t.define("aten::isalpha", a -> all(str(a[0]), Character::isLetter));
        t.define("aten::isalnum", a -> all(str(a[0]), Character::isLetterOrDigit));
        t.define("aten::isspace", a -> all(str(a[0]), Character::isWhitespace));
        t.define("aten::islower", a -> hasCased(str(a[0])) && str(a[0]).equals(str(a[0]).toLowerCase(Locale.ROOT)));
        t.define("aten::isupper", a -> hasCased(str(a[0])) && str(a[0]).equals(str(a[0]).toUpperCase(Locale.ROOT)));
        t.define("aten::zfill", a -> zfill(str(a[0]), toLong(a[1])));
        t.define("aten::ljust", a -> pad(str(a[0]), toLong(a[1]), str(a[2]), 0));
        t.define("aten::rjust", a -> pad(str(a[0]), toLong(a[1]), str(a[2]), 1));
        t.define("aten::center", a -> pad(str(a[0]), toLong(a[1]), str(a[2]), 2));
        t.define("aten::ord", a -> ord(str(a[0])));
        t.define("aten::chr", a -> chr(toLong(a[0])));
        t.define("aten::hex", a -> radix(toLong(a[0]), 16, "0x"));
        t.define("aten::oct", a -> radix(toLong(a[0]), 8, "0o"));
        t.define("aten::bin", a -> radix(toLong(a[0]), 2, "0b"));
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

    private static ScalarResults partition(String s, String sep, boolean last) {
        int at = last ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return last ? ScalarResults.of("", "", s) : ScalarResults.of(s, "", "");
        }
        return ScalarResults.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }

    private static boolean all(String s, IntPredicate p) {
        return !s.isEmpty() && s.chars().allMatch(p);
    }

    private static boolean hasCased(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }

    private static String zfill(String s, long width) {
        if (s.length() >= width) {
            return s;
        }
        String zeros = "0".repeat(fillCount(s, width));
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? s.charAt(0) + zeros + s.substring(1)
                : zeros + s;
    }

    /** {@code ljust} (0), {@code rjust} (1) or {@code center} (2). */
    private static String pad(String s, long width, String fill, int mode) {
        if (fill.length() != 1) {
            throw ScalarException.typeError("The fill character must be exactly one character long");
        }
        int total = fillCount(s, width);
        int left = switch (mode) {
            case 0 -> 0;
            case 1 -> total;
            default -> total / 2 + (total & (int) width & 1);
        };
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    private static long ord(String s) {
        if (s.codePointCount(0, s.length()) != 1) {
            throw ScalarException.typeError("ord() expected a character, but string of length " + s.length()
                    + " found");
        }
        return s.codePointAt(0);
    }

    /** {@code chr(i)}: the character of code point {@code i}; PyTorch's error outside {@code range(0x110000)}. */
    private static String chr(long i) {
        if (i < 0 || i > Character.MAX_CODE_POINT) {
            throw ScalarException.runtimeError("chr() arg not in range(0x110000), found " + i);
        }
        return new String(Character.toChars((int) i));
    }

    /** {@code hex(v)} and the like: the magnitude after sign and prefix (that of -2**63 read unsigned). */
    private static String radix(long v, int radix, String prefix) {
        return v < 0 ? "-" + prefix + Long.toUnsignedString(-v, radix) : prefix + Long.toString(v, radix);
    }

    /** How many fill characters pad {@code s} to {@code width}; a count no string can hold is an OverflowError. */
    private static int fillCount(String s, long width) {
        long n = Math.max(0, width - s.length());
        if (n > Integer.MAX_VALUE - 8 - s.length()) {
            throw ScalarException.overflow("string of width " + width + " is too long");
        }
        return (int) n;
    }
}
