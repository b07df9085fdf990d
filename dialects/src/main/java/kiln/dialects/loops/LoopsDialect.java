package kiln.dialects.loops;

import java.util.List;
import java.util.Optional;
import kiln.dialects.arith.ArithDialect;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;

/**
 * The loops dialect: loop nests over buffers, with scalar and vector loads and stores ({@link LoopsOps}); the last
 * dialect before machine code, and what the reference loops executor runs.
 */
public final class LoopsDialect implements Dialect {
    public static final LoopsDialect INSTANCE = new LoopsDialect();

    private LoopsDialect() {
    }

    @Override
    public String name() {
        return "loops";
    }

    @Override
    public List<String> namespaces() {
        return List.of("loops");
    }

    @Override
    public List<OpDef> ops() {
        return LoopsOps.ALL;
    }

    /** Scalars that fold become {@code arith.constant}s. */
    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        return ArithDialect.INSTANCE.materializeConstant(value, type, location);
    }
}
