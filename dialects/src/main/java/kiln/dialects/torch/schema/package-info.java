/**
 * PyTorch's operator schemas as data: {@link kiln.dialects.torch.schema.FunctionSchema} and
 * {@link kiln.dialects.torch.schema.Argument} (c10's classes, printed exactly as {@code str(schema)}),
 * {@link kiln.dialects.torch.schema.SchemaParser} (PyTorch's schema grammar), the
 * {@link kiln.dialects.torch.schema.OperatorRegistry} of every schema PyTorch registers (a resource generated
 * by {@code tools/gen-operator-schemas.py}), and {@link kiln.dialects.torch.schema.SchemaMatcher}, which decides
 * which overloads accept an op of a graph; {@link kiln.dialects.torch.schema.SchemaVerifier} makes that the
 * torch dialect's check of every operator op.
 */
package kiln.dialects.torch.schema;
