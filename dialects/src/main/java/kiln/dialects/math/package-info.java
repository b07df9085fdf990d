/** MLIR's math dialect: elementary functions on floats, for the scalar code of the lower dialects. */
package kiln.dialects.math;
