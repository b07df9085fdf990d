package kiln.dialects.torch.schema;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kiln.dialects.ir.OpVerifier;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * Checks an op against the schemas of its operator: some overload must {@linkplain SchemaMatcher accept} its
 * operand and result types. Otherwise it reports, as PyTorch does for a call it cannot match, every candidate
 * with the reason it was rejected; an operator with no schema at all is reported as unknown, unless unknown
 * operators are allowed.
 *
 * @param registry     where the operator's overloads are found, asked at each check (so that PyTorch's schemas
 *                     are read only when an op is first verified)
 * @param allowUnknown whether an operator with no schema passes unchecked
 */
public record SchemaVerifier(Supplier<OperatorRegistry> registry, boolean allowUnknown) implements OpVerifier {

    /** Checks against PyTorch's schemas ({@link OperatorRegistry#standard()}). */
    public static SchemaVerifier standard(boolean allowUnknown) {
        return new SchemaVerifier(OperatorRegistry::standard, allowUnknown);
    }

    @Override
    public void verify(Operation op, Consumer<String> report) {
        List<FunctionSchema> overloads = registry.get().overloads(op.name());
        if (overloads.isEmpty()) {
            if (!allowUnknown) {
                report.accept("unknown operator '" + op.name() + "': PyTorch has no schema of that name");
            }
            return;
        }
        List<Type> operands = op.operands().stream().map(Value::type).toList();
        List<Type> results = op.results().stream().map(Value::type).toList();
        List<SchemaMatcher.Rejection> rejections = SchemaMatcher.rejections(overloads, operands, results);
        if (rejections.size() == overloads.size()) {
            report.accept(message(op.name(), operands, results, rejections));
        }
    }

    /** PyTorch's "Arguments for call are not valid" with the candidates, for op types. */
    static String message(String name, List<Type> operands, List<Type> results,
            List<SchemaMatcher.Rejection> rejections) {
        String call = name + "(" + join(operands) + ") -> (" + join(results) + ")";
        String variants = rejections.stream().map(r -> "  " + r.schema() + ":\n    " + r.reason())
                .collect(Collectors.joining("\n"));
        return "arguments for call are not valid: no overload of " + name + " accepts " + call + "\n"
                + (rejections.size() == 1 ? "The only variant is:\n" : "The following variants are available:\n")
                + variants;
    }

    private static String join(List<Type> types) {
        return types.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
