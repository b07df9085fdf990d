package kiln.runtime.backend;

import java.util.Collection;
import java.util.List;
import kiln.dialects.ir.Arity;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectProvider;
import kiln.dialects.ir.OpDef;

/** A dialect no backend takes, found as a service on the test class path: {@code test.magic}. */
public final class TestDialectProvider implements DialectProvider {
    static final OpDef MAGIC = OpDef.define("test.magic").operands(Arity.ANY).results(Arity.ANY).build();

    private static final Dialect TEST = new Dialect() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<String> namespaces() {
            return List.of("test");
        }

        @Override
        public Collection<OpDef> ops() {
            return List.of(MAGIC);
        }
    };

    @Override
    public List<Dialect> dialects(boolean allowUnregistered) {
        return List.of(TEST);
    }
}
