package kiln.dialects.torch;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.schema.SchemaMatcher;

/**
 * The overload of its operator that an op calls: the first of PyTorch's schemas, in the registry's order, that
 * accepts its operand and result types (PyTorch's {@code Node::maybeOperator}). The dialect asks it for the traits
 * and effects that depend on the overload ({@link PointwiseOverloads}, {@link TorchEffects}).
 */
final class CalledOverload {
    private CalledOverload() {
    }

    static Optional<FunctionSchema> of(Operation op) {
        List<Type> operands = op.operands().stream().map(Value::type).toList();
        List<Type> results = op.results().stream().map(Value::type).toList();
        return OperatorRegistry.standard().overloads(op.name()).stream()
                .filter(s -> SchemaMatcher.accepts(s, operands, results)).findFirst();
    }
}
