package kiln.dialects.ir;

/**
 * A compile-time constant attached to an operation by name. Attributes are immutable values with structural
 * equality; {@link #toString()} is their text form in the graph syntax. The core kinds are {@link IntAttr},
 * {@link FloatAttr}, {@link BoolAttr}, {@link StringAttr}, {@link ListAttr} and {@link TypeAttr}; dialects add their own.
 */
public interface Attribute {
}
