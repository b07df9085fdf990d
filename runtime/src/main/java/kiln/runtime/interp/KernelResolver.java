package kiln.runtime.interp;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.schema.SchemaMatcher;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.kernels.KernelContext;
import kiln.runtime.interp.kernels.KernelFactory;
import kiln.runtime.interp.kernels.KernelRegistry;

/**
 * Binds an operator op to its kernel, once, statically: the overloads of the op's name whose schemas accept its
 * operand and result types ({@link SchemaMatcher}, as PyTorch matched them when it built the graph) are tried in
 * the schema resource's order, and the first that has a kernel wins. An operator without any schema may still
 * have a kernel under its bare name.
 */
final class KernelResolver {
    private final OperatorRegistry schemas;
    private final KernelRegistry kernels;
    private final KernelContext context;

    KernelResolver(OperatorRegistry schemas, KernelRegistry kernels, KernelContext context) {
        this.schemas = schemas;
        this.kernels = kernels;
        this.context = context;
    }

    /** The bound kernel, or why there is none. */
    sealed interface Resolution {
        /** A kernel, and the schema it was chosen by (null for an operator without one). */
        record Bound(Kernel kernel, FunctionSchema schema) implements Resolution {
        }

        record Missing(String reason) implements Resolution {
        }
    }

    Resolution resolve(Operation op) {
        List<FunctionSchema> overloads = schemas.overloads(op.name());
        if (overloads.isEmpty()) {
            return bind(kernels.lookup(op.name()), op, null)
                    .orElseGet(() -> new Resolution.Missing("unknown operator " + op.name()));
        }
        List<Type> operandTypes = op.operands().stream().map(Value::type).toList();
        List<Type> resultTypes = op.results().stream().map(Value::type).map(Type.class::cast).toList();
        List<FunctionSchema> accepting = SchemaMatcher.accepting(overloads, operandTypes, resultTypes);
        for (FunctionSchema s : accepting) {
            Optional<Resolution> bound = bind(kernels.lookup(s.overloadedName()), op, s);
            if (bound.isPresent()) {
                return bound.get();
            }
        }
        if (accepting.isEmpty()) {
            return new Resolution.Missing("no overload of " + op.name() + " accepts operands ("
                    + operandTypes.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")");
        }
        return new Resolution.Missing("no kernel for " + accepting.getFirst().overloadedName());
    }

    private Optional<Resolution> bind(Optional<KernelFactory> factory, Operation op, FunctionSchema schema) {
        return factory.map(f -> new Resolution.Bound(f.bind(op, context), schema));
    }
}
