package kiln.runtime.interp;

import java.util.Optional;
import java.util.stream.Collectors;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.schema.Overloads;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.kernels.KernelContext;
import kiln.runtime.interp.kernels.KernelFactory;
import kiln.runtime.interp.kernels.KernelRegistry;

/**
 * Binds an operator op to its kernel, once, statically: the kernel of the overload the op calls
 * ({@link Overloads#resolve}: the first whose schema accepts its operand and result types, as PyTorch matched
 * them when it built the graph, and the overload constant propagation evaluates). An operator without any
 * schema may still have a kernel under its bare name.
 */
final class KernelResolver {
    private final Overloads overloads;
    private final KernelRegistry kernels;
    private final KernelContext context;

    KernelResolver(OperatorRegistry schemas, KernelRegistry kernels, KernelContext context) {
        this.overloads = Overloads.of(schemas);
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
        if (!overloads.registry().contains(op.name())) {
            return bind(kernels.lookup(op.name()), op, null)
                    .orElseGet(() -> new Resolution.Missing("unknown operator " + op.name()));
        }
        Optional<FunctionSchema> schema = overloads.resolve(op);
        if (schema.isEmpty()) {
            return new Resolution.Missing("no overload of " + op.name() + " accepts operands ("
                    + op.operands().stream().map(Value::type).map(Object::toString).collect(Collectors.joining(", "))
                    + ")");
        }
        String name = schema.get().overloadedName();
        return bind(kernels.lookup(name), op, schema.get())
                .orElseGet(() -> new Resolution.Missing("no kernel for " + name));
    }

    private Optional<Resolution> bind(Optional<KernelFactory> factory, Operation op, FunctionSchema schema) {
        return factory.map(f -> new Resolution.Bound(f.bind(op, context), schema));
    }
}
