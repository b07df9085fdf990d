package kiln.dialects.torch;

import java.util.Objects;
import java.util.Optional;
import kiln.dialects.ir.Attribute;

/**
 * A tensor constant as graph text shows it: {@code <Tensor>} when PyTorch elided the data, {@code {1.5}} for a
 * one-element tensor, or PyTorch's printed form ({@code 0.2713  0.9992 [ CPUFloatType{2} ]}) for small ones.
 * Graph text never carries full-precision tensor data; archives do, through their constants table, and a constant
 * compiled from an archive's code names its entry there ({@code CONSTANTS.c0}), where whoever runs the graph
 * finds the data. Text and source together identify the constant: two entries of the table stay two constants.
 *
 * @param text the attribute text exactly as printed after {@code value=}
 * @param source the entry of the program's constants table that holds the data, or null for a constant from
 *               graph text
 */
public record TensorAttr(String text, String source) implements Attribute {
    public static final TensorAttr ELIDED = new TensorAttr("<Tensor>");

    public TensorAttr {
        Objects.requireNonNull(text);
    }

    /** A constant from graph text, without data. */
    public TensorAttr(String text) {
        this(text, null);
    }

    public boolean isElided() {
        return text.equals("<Tensor>");
    }

    /** The constants-table entry that holds the data, when the constant came from an archive's code. */
    public Optional<String> dataSource() {
        return Optional.ofNullable(source);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public String dialectNamespace() {
        return "torch";
    }

    /** {@code #torch<tensor "text">}, or {@code #torch<tensor "text" from "CONSTANTS.c0">} for an archive's. */
    @Override
    public String asm() {
        return "#torch<tensor " + kiln.dialects.ir.StringAttr.quote(text)
                + (source == null ? "" : " from " + kiln.dialects.ir.StringAttr.quote(source)) + ">";
    }
}
