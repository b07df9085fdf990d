package kiln.dialects.arith;

import java.util.List;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectProvider;

/** Provides the arith dialect to {@link kiln.dialects.ir.DialectRegistry#discover}. */
public final class ArithDialectProvider implements DialectProvider {
    @Override
    public List<Dialect> dialects(boolean allowUnregistered) {
        return List.of(ArithDialect.INSTANCE);
    }
}
