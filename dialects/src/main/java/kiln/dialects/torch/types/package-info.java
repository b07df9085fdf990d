/**
 * TorchScript's type system, modelled on c10's JIT types (ATen/core/jit_type.h): {@link
 * kiln.dialects.torch.types.TorchType} and its records, c10's printing ({@link
 * kiln.dialects.torch.types.TypePrinter}), reading both the graph-dump and the annotation spelling ({@link
 * kiln.dialects.torch.types.TorchTypeParser}), subtyping ({@link kiln.dialects.torch.types.Subtyping}) and
 * unification ({@link kiln.dialects.torch.types.TypeUnifier}).
 */
package kiln.dialects.torch.types;
