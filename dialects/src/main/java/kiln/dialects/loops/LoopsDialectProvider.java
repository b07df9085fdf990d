package kiln.dialects.loops;

import java.util.List;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectProvider;

/** Provides the loops dialect to {@link kiln.dialects.ir.DialectRegistry#discover}. */
public final class LoopsDialectProvider implements DialectProvider {
    @Override
    public List<Dialect> dialects(boolean allowUnregistered) {
        return List.of(LoopsDialect.INSTANCE);
    }
}
