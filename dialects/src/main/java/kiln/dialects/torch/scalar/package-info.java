/**
 * TorchScript's operators on Python scalars (int, float, bool, str, None), once, for both the compiler and the
 * interpreter: {@link kiln.dialects.torch.scalar.ScalarOps} maps each operator overload, by PyTorch's overloaded
 * name ({@code aten::add.int}, {@code aten::floordiv.float_int}, {@code aten::add} for the {@code Scalar} one), to
 * a pure {@link kiln.dialects.torch.scalar.ScalarFunction} over Java values; a Python exception it raises is a
 * {@link kiln.dialects.torch.scalar.ScalarException} of that kind. The interpreter registers its scalar kernels
 * from the table and constant propagation folds through it, so a folded constant is what the op would have
 * produced at run time.
 */
package kiln.dialects.torch.scalar;
