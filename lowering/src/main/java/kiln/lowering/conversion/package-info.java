/**
 * MLIR's dialect conversion framework, in its no-rollback flavour: {@link kiln.lowering.conversion.ConversionTarget}
 * (what is legal), {@link kiln.lowering.conversion.TypeConverter} (how types change, and the materializations
 * between old and new types), {@link kiln.lowering.conversion.ConversionPattern} (patterns given their remapped
 * operands), {@link kiln.lowering.conversion.DialectConversion} (partial and full conversion) and the
 * {@code reconcile-unrealized-casts} pass. Nothing here knows a particular dialect; conversions between dialects
 * live in subpackages ({@code torchtoarith}).
 */
package kiln.lowering.conversion;
