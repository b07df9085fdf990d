package kiln.runtime.tensor;

/**
 * What an ATen operator takes where its schema says {@code Tensor} or {@code Scalar}: a tensor, or a Python
 * number. Numbers take part in type promotion only by category (PyTorch's "wrapped numbers").
 */
public sealed interface Operand permits Tensor, Scalar {
}
