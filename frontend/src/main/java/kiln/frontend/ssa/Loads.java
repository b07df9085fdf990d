package kiln.frontend.ssa;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;

/** Creating and reading {@code prim::Load} / {@code prim::Store}. */
final class Loads {
    private Loads() {
    }

    static String name(Operation loadOrStore) {
        return loadOrStore.attribute("name", StringAttr.class).value();
    }

    static Operation store(String name, Value v) {
        return Operation.create(TorchDialect.STORE, List.of(v), List.of(),
                Map.of("name", new StringAttr(name)), 0, Location.UNKNOWN);
    }

    static Operation load(String name, Type type) {
        Operation op = Operation.create(TorchDialect.LOAD, List.of(), List.of(type),
                Map.of("name", new StringAttr(name)), 0, Location.UNKNOWN);
        op.result(0).setName(meaningful(name));
        return op;
    }

    /** Names starting with '$' are compiler temporaries and give no debug name (PyTorch's meaningfulName). */
    static String meaningful(String name) {
        return name.isEmpty() || name.charAt(0) == '$' ? null : name;
    }
}
