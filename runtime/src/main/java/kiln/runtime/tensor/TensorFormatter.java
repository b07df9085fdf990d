package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.List;

import kiln.dialects.torch.types.ScalarType;

/**
 * Python's {@code repr(tensor)}, as torch/_tensor_str.py writes it with the default print options (precision
 * 4, threshold 1000, edgeitems 3, linewidth 80): one {@link Formatter} over the elements shown picks integer,
 * fixed or scientific notation and a common width; rows wrap at the line width; tensors of more than 1000
 * elements show their first and last three items per dimension around {@code ...}; a dtype other than float32,
 * int64 and bool is named in a suffix.
 */
final class TensorFormatter {
    static final int PRECISION = 4;
    static final long THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;
    static final int LINE_WIDTH = 80;

    private TensorFormatter() {
    }

    static String repr(Tensor self) {
        String prefix = "tensor(";
        int indent = prefix.length();
        List<String> suffixes = new ArrayList<>();
        String body;
        ScalarType dtype = self.dtype();
        if (self.numel() == 0) {
            if (self.dim() != 1) {
                suffixes.add("size=" + Shapes.pythonTuple(self.sizesRaw()));
            }
            if (dtype != DTypes.DEFAULT_FLOAT) {
                suffixes.add("dtype=" + dtype.pythonName());
            }
            body = "[]";
        } else {
            if (dtype != DTypes.DEFAULT_FLOAT && dtype != ScalarType.Long && dtype != ScalarType.Bool) {
                suffixes.add("dtype=" + dtype.pythonName());
            }
            body = tensorStr(self, indent);
        }
        return addSuffixes(prefix + body, suffixes, indent);
    }

    /** {@code _tensor_str}. */
    private static String tensorStr(Tensor self, int indent) {
        boolean summarize = self.numel() > THRESHOLD;
        Tensor t = DTypes.isReducedFloating(self.dtype()) ? self.to(ScalarType.Float) : self;
        List<Tensor> shown = new ArrayList<>();
        collectShown(t, summarize, shown);
        return withFormatter(t, indent, summarize, new Formatter(t.dtype(), shown));
    }

    /** The elements {@code get_summarized_data} keeps, as 0-dim tensors. */
    private static void collectShown(Tensor t, boolean summarize, List<Tensor> out) {
        if (t.dim() == 0) {
            out.add(t);
            return;
        }
        for (long i : shownIndices(t.size(0), summarize)) {
            collectShown(t.select(0, i), summarize, out);
        }
    }

    private static List<Long> shownIndices(long size, boolean summarize) {
        List<Long> indices = new ArrayList<>();
        if (summarize && size > 2L * EDGE_ITEMS) {
            for (long i = 0; i < EDGE_ITEMS; i++) {
                indices.add(i);
            }
            for (long i = size - EDGE_ITEMS; i < size; i++) {
                indices.add(i);
            }
        } else {
            for (long i = 0; i < size; i++) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** {@code _tensor_str_with_formatter}. */
    private static String withFormatter(Tensor self, int indent, boolean summarize, Formatter formatter) {
        int dim = self.dim();
        if (dim == 0) {
            return formatter.format(self);
        }
        if (dim == 1) {
            return vectorStr(self, indent, summarize, formatter);
        }
        List<String> slices = new ArrayList<>();
        boolean elide = summarize && self.size(0) > 2L * EDGE_ITEMS;
        for (long i : shownIndices(self.size(0), summarize)) {
            if (elide && i == self.size(0) - EDGE_ITEMS) {
                slices.add("...");
            }
            slices.add(withFormatter(self.select(0, i), indent + 1, summarize, formatter));
        }
        String separator = "," + "\n".repeat(dim - 1) + " ".repeat(indent + 1);
        return "[" + String.join(separator, slices) + "]";
    }

    /** {@code _vector_str}. */
    private static String vectorStr(Tensor self, int indent, boolean summarize, Formatter formatter) {
        int elementLength = formatter.width() + 2;
        int perLine = Math.max(1, (LINE_WIDTH - indent) / elementLength);
        List<String> data = new ArrayList<>();
        boolean elide = summarize && self.size(0) > 2L * EDGE_ITEMS;
        for (long i : shownIndices(self.size(0), summarize)) {
            if (elide && i == self.size(0) - EDGE_ITEMS) {
                data.add(" ...");
            }
            data.add(formatter.format(self.select(0, i)));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i += perLine) {
            lines.add(String.join(", ", data.subList(i, Math.min(i + perLine, data.size()))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** {@code _add_suffixes}. */
    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent) {
        StringBuilder out = new StringBuilder(tensorStr);
        int lastLineLen = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLen + suffix.length() + 2 > LINE_WIDTH) {
                out.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLen = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLen += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    /** {@code _Formatter}: the notation and width shared by all elements of one tensor. */
    private static final class Formatter {
        private final boolean floating;
        private boolean intMode = true;
        private boolean sciMode = false;
        private int maxWidth = 1;

        Formatter(ScalarType dtype, List<Tensor> values) {
            floating = dtype.isFloatingPoint();
            if (!floating) {
                for (Tensor v : values) {
                    maxWidth = Math.max(maxWidth, plain(v).length());
                }
                return;
            }
            List<Double> finite = new ArrayList<>();
            for (Tensor v : values) {
                double d = v.getDouble();
                if (Double.isFinite(d) && d != 0) {
                    finite.add(d);
                }
            }
            if (finite.isEmpty()) {
                return;
            }
            double min = finite.stream().mapToDouble(Math::abs).min().orElseThrow();
            double max = finite.stream().mapToDouble(Math::abs).max().orElseThrow();
            intMode = finite.stream().allMatch(d -> d == Math.ceil(d));
            if (intMode) {
                sciMode = max / min > 1000.0 || max > 1.0e8;
                for (double d : finite) {
                    int len = sciMode ? NumberFormat.scientific(d, PRECISION).length()
                            : NumberFormat.fixed(d, 0).length() + 1;
                    maxWidth = Math.max(maxWidth, len);
                }
            } else {
                sciMode = max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
                for (double d : finite) {
                    String s = sciMode ? NumberFormat.scientific(d, PRECISION) : NumberFormat.fixed(d, PRECISION);
                    maxWidth = Math.max(maxWidth, s.length());
                }
            }
        }

        int width() {
            return maxWidth;
        }

        /** Python's {@code str} of a non-floating element: the integer, or True/False. */
        private static String plain(Tensor v) {
            return v.dtype() == ScalarType.Bool ? (v.getBoolean() ? "True" : "False") : Long.toString(v.getLong());
        }

        String format(Tensor v) {
            String ret;
            if (floating) {
                double d = v.getDouble();
                if (sciMode) {
                    ret = NumberFormat.scientific(d, PRECISION);
                } else if (intMode) {
                    ret = NumberFormat.fixed(d, 0) + (Double.isFinite(d) ? "." : "");
                } else {
                    ret = NumberFormat.fixed(d, PRECISION);
                }
            } else {
                ret = plain(v);
            }
            return " ".repeat(Math.max(0, maxWidth - ret.length())) + ret;
        }
    }
}
