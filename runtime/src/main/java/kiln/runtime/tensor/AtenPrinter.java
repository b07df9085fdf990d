package kiln.runtime.tensor;

import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * ATen's {@code operator<<(ostream, Tensor)} (aten/src/ATen/core/Formatting.cpp, the {fmt} version PyTorch 2.11
 * ships), which is what TorchScript's {@code print} writes for a tensor: a 0-dim tensor as its value in
 * shortest form then {@code [ CPUFloatType{} ]}; a 1-d tensor one value per line; matrices in column blocks
 * that fit 80 characters, with a common scale factor when the magnitudes call for one; higher dimensions as
 * {@code (i,j,.,.) = } matrices, the first index varying fastest. No summarization: every element prints.
 */
final class AtenPrinter {
    private static final int LINE_SIZE = 80;

    private AtenPrinter() {
    }

    private enum Notation { GENERAL, SCIENTIFIC, FIXED }

    /** {@code PrintFormat}: a scale every value is divided by, a field width, a notation. */
    private record Format(double scale, int width, Notation notation) {
        String value(double v) {
            double x = v / scale;
            String s = switch (notation) {
                case GENERAL -> NumberFormat.fmtGeneral(x);
                case SCIENTIFIC -> NumberFormat.fmtScientific(x, 4);
                case FIXED -> NumberFormat.fmtFixed(x, 4);
            };
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }

    static String print(Tensor tensor) {
        double[] values = tensor.toDoubleArray();
        String type = DTypes.backendTypeName(tensor.dtype());
        StringBuilder out = new StringBuilder();
        long[] sizes = tensor.sizesRaw();
        switch (tensor.dim()) {
            case 0 -> out.append(NumberFormat.fmtShortest(values[0])).append("\n[ ").append(type).append("{}");
            case 1 -> {
                if (values.length > 0) {
                    Format format = format(values, 0, values.length);
                    if (format.scale() != 1) {
                        out.append(NumberFormat.fmtShortest(format.scale())).append(" *\n");
                    }
                    for (double v : values) {
                        out.append(format.value(v)).append('\n');
                    }
                }
                out.append("[ ").append(type).append('{').append(sizes[0]).append('}');
            }
            case 2 -> {
                if (values.length > 0) {
                    printMatrix(out, values, 0, sizes[0], sizes[1], 0);
                }
                out.append("[ ").append(type).append('{').append(sizes[0]).append(',').append(sizes[1]).append('}');
            }
            default -> {
                if (values.length > 0) {
                    printTensor(out, values, sizes);
                }
                out.append("[ ").append(type).append('{').append(LongStream.of(sizes).mapToObj(Long::toString)
                        .collect(Collectors.joining(","))).append('}');
            }
        }
        return out.append(" ]").toString();
    }

    /** {@code __printFormat} over {@code values[from, to)}. */
    private static Format format(double[] values, int from, int to) {
        boolean intMode = true;
        for (int i = from; i < to; i++) {
            double z = values[i];
            if (Double.isFinite(z) && z != Math.ceil(z)) {
                intMode = false;
                break;
            }
        }
        int offset = from;
        while (offset < to && !Double.isFinite(values[offset])) {
            offset++;
        }
        double expMin = 1;
        double expMax = 1;
        if (offset != to) {
            expMin = Math.abs(values[offset]);
            expMax = expMin;
            for (int i = offset; i < to; i++) {
                double z = Math.abs(values[i]);
                if (Double.isFinite(z)) {
                    expMin = Math.min(expMin, z);
                    expMax = Math.max(expMax, z);
                }
            }
            expMin = expMin != 0 ? Math.floor(Math.log10(expMin)) + 1 : 1;
            expMax = expMax != 0 ? Math.floor(Math.log10(expMax)) + 1 : 1;
        }
        if (intMode) {
            return expMax > 9 ? new Format(1, 11, Notation.SCIENTIFIC)
                    : new Format(1, (int) expMax + 1, Notation.GENERAL);
        }
        if (expMax - expMin > 4) {
            int width = Math.abs(expMax) > 99 || Math.abs(expMin) > 99 ? 12 : 11;
            return new Format(1, width, Notation.SCIENTIFIC);
        }
        if (expMax > 5 || expMax < 0) {
            return new Format(Double.parseDouble("1e" + (int) (expMax - 1)), 7, Notation.FIXED);
        }
        return new Format(1, expMax == 0 ? 7 : (int) expMax + 6, Notation.FIXED);
    }

    /** {@code __printMatrix} of the {@code rows x cols} row-major matrix at {@code values[base]}. */
    private static void printMatrix(StringBuilder out, double[] values, int base, long rows, long cols,
            int indent) {
        int size = (int) (rows * cols);
        Format format = format(values, base, base + size);
        long perLine = (LINE_SIZE - indent) / (format.width() + 1);
        String pad = " ".repeat(indent);
        long firstColumn = 0;
        while (firstColumn < cols) {
            long lastColumn = firstColumn + perLine <= cols ? firstColumn + perLine - 1 : cols - 1;
            if (perLine < cols) {
                if (firstColumn != 0) {
                    out.append('\n');
                }
                out.append("Columns ").append(firstColumn + 1).append(" to ").append(lastColumn + 1).append(pad);
            }
            if (format.scale() != 1) {
                out.append(NumberFormat.fmtShortest(format.scale())).append(" *\n").append(pad);
            }
            for (long l = 0; l < rows; l++) {
                for (long c = firstColumn; c <= lastColumn; c++) {
                    out.append(format.value(values[(int) (base + l * cols + c)]));
                    if (c == lastColumn) {
                        out.append('\n');
                        if (l != rows - 1) {
                            out.append(pad).append(format.scale() != 1 ? " " : "");
                        }
                    } else {
                        out.append(' ');
                    }
                }
            }
            firstColumn = lastColumn + 1;
        }
    }

    /** {@code __printTensor}: each trailing matrix under its {@code (i,j,.,.) = } heading. */
    private static void printTensor(StringBuilder out, double[] values, long[] sizes) {
        int lead = sizes.length - 2;
        long rows = sizes[lead];
        long cols = sizes[lead + 1];
        long[] counter = new long[lead];
        counter[0] = -1;
        boolean start = true;
        while (true) {
            int i = 0;
            boolean finished = false;
            while (true) {
                counter[i]++;
                if (counter[i] >= sizes[i]) {
                    if (i == lead - 1) {
                        finished = true;
                        break;
                    }
                    counter[i] = 0;
                    i++;
                } else {
                    break;
                }
            }
            if (finished) {
                return;
            }
            if (!start) {
                out.append('\n');
            }
            start = false;
            out.append('(');
            long matrix = 0;
            for (int d = 0; d < lead; d++) {
                out.append(counter[d] + 1).append(',');
                matrix = matrix * sizes[d] + counter[d];
            }
            out.append(".,.) = \n");
            printMatrix(out, values, (int) (matrix * rows * cols), rows, cols, 1);
        }
    }
}
