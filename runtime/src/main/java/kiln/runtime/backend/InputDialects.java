package kiln.runtime.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.GraphModule;

/**
 * Whether a function is in a backend's input dialects ({@link Backend#inputDialects()}): every op under it must come
 * from one of them, or be the builtin dialect's. Dialects are known from the {@link DialectRegistry#discover()
 * dialect services}; an op no dialect declares is outside every backend's input.
 */
public final class InputDialects {
    private static final DialectRegistry DIALECTS = DialectRegistry.discover();

    private InputDialects() {
    }

    /**
     * The ops of function {@code function} of {@code module} that are not in {@code dialects}, each as {@code
     * "op at location: …"}, in the order they appear.
     */
    public static List<String> outside(Set<String> dialects, Operation module, String function) {
        List<String> out = new ArrayList<>();
        String accepted = String.join(", ", new TreeSet<>(dialects));
        GraphModule.function(module, function).region().walk(op -> {
            Optional<Dialect> d = DIALECTS.dialectOf(op.def());
            String name = d.map(Dialect::name).orElse(null);
            if (name == null) {
                out.add(op.name() + " at " + op.location() + ": no dialect declares it (input dialects: "
                        + accepted + ")");
            } else if (!name.equals(BuiltinDialect.INSTANCE.name()) && !dialects.contains(name)) {
                out.add(op.name() + " at " + op.location() + ": dialect '" + name + "' is not an input dialect "
                        + "(" + accepted + ")");
            }
        });
        return out;
    }

    /**
     * Checks that function {@code function} of {@code module} is in {@code backend}'s input dialects.
     *
     * @throws UnsupportedGraphException naming every op outside them, with its location
     */
    public static void require(Backend backend, Operation module, String function) {
        List<String> outside = outside(backend.inputDialects(), module, function);
        if (!outside.isEmpty()) {
            throw new UnsupportedGraphException(backend.name(), "@" + function, outside);
        }
    }
}
