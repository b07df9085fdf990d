package kiln.dialects.texpr;

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
 * The texpr dialect: tensor expressions, PyTorch NNC's {@code Compute}/{@code Reduce} level as ops over builtin
 * tensor values ({@link TexprOps}). A fusion group becomes one kernel function of texpr, arith and math ops, which
 * the conversion to the loops dialect turns into loop nests over buffers.
 */
public final class TexprDialect implements Dialect {
    public static final TexprDialect INSTANCE = new TexprDialect();

    private TexprDialect() {
    }

    @Override
    public String name() {
        return "texpr";
    }

    @Override
    public List<String> namespaces() {
        return List.of("texpr");
    }

    @Override
    public List<OpDef> ops() {
        return TexprOps.ALL;
    }

    /** Scalars that fold in a texpr region become {@code arith.constant}s. */
    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        return ArithDialect.INSTANCE.materializeConstant(value, type, location);
    }
}
