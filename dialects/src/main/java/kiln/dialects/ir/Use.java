package kiln.dialects.ir;

/** One use of a value: operand {@code index} of {@code user}. */
public record Use(Operation user, int index) {
}
