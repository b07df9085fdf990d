package kiln.dialects.torch.scalar;

/**
 * One scalar operator overload's semantics: a pure function of its arguments, given as Java values in schema
 * order ({@code Long} for int, {@code Double} for float, {@code Boolean}, {@code String}, {@code null} for None).
 * It returns the result as such a value, or the results as {@link ScalarResults} for an overload with several
 * returns, and raises a {@link ScalarException} where TorchScript raises a Python exception.
 */
@FunctionalInterface
public interface ScalarFunction {
    Object apply(Object[] args);
}
