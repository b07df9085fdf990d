/**
 * Kiln's tensors, the ground the reference interpreter stands on.
 *
 * <p>{@link kiln.runtime.tensor.Tensor} is a strided view (dtype, sizes, strides, storage offset) over a
 * {@link kiln.runtime.tensor.Storage}, a {@link java.lang.foreign.MemorySegment} shared by all views; dtypes
 * are the dialect's {@link kiln.dialects.torch.types.ScalarType}. Views, dim wrapping, type promotion
 * ({@link kiln.runtime.tensor.TypePromotion}), broadcasting, conversions and error messages follow PyTorch.
 * {@link kiln.runtime.tensor.Ops} holds the first kernels, built on an elementwise engine modelled on ATen's
 * TensorIterator; printing follows Python's {@code repr} ({@code Tensor.toString}) and ATen's
 * {@code operator<<} ({@code Tensor.toAtenString}), which is what TorchScript's {@code print} writes. Errors are
 * {@link kiln.runtime.tensor.TorchException}s carrying PyTorch's message and Python exception class.
 */
package kiln.runtime.tensor;
