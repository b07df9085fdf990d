/**
 * The loops dialect: functions over buffers whose bodies are sequential and parallel loop nests, ifs, scalar and
 * vector (masked) loads and stores, with arith and math for the arithmetic — NNC's statements after
 * prepareForCodegen, MLIR's scf, memref and vector.
 */
package kiln.dialects.loops;
