/**
 * The texpr dialect: tensor expressions (PyTorch NNC's {@code Compute} and {@code Reduce}) as MLIR-style ops over
 * builtin tensor values, between the torch dialect's fusion groups and the loops dialect.
 */
package kiln.dialects.texpr;
