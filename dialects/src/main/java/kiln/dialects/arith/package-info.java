/**
 * MLIR's {@code arith} dialect: {@link kiln.dialects.arith.ArithDialect}, its ops as data in
 * {@link kiln.dialects.arith.ArithOps} (traits, verifiers, custom syntax, folds), their semantics on constants
 * ({@link kiln.dialects.arith.ArithKernel}) and a reference evaluator of arith functions
 * ({@link kiln.dialects.arith.ArithEvaluator}).
 */
package kiln.dialects.arith;
