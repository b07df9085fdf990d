package kiln.dialects.torch;

import java.util.Objects;
import kiln.dialects.ir.Attribute;

/**
 * A tensor constant as graph text shows it: {@code <Tensor>} when PyTorch elided the data, {@code {1.5}} for a
 * one-element tensor, or PyTorch's printed form ({@code 0.2713  0.9992 [ CPUFloatType{2} ]}) for small ones.
 * Graph text never carries full-precision tensor data; archives do, through their constants table.
 *
 * @param text the attribute text exactly as printed after {@code value=}
 */
public record TensorAttr(String text) implements Attribute {
    public static final TensorAttr ELIDED = new TensorAttr("<Tensor>");

    public TensorAttr {
        Objects.requireNonNull(text);
    }

    public boolean isElided() {
        return text.equals("<Tensor>");
    }

    @Override
    public String toString() {
        return text;
    }
}
