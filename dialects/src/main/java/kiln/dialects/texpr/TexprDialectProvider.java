package kiln.dialects.texpr;

import java.util.List;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectProvider;

/** Provides the texpr dialect to {@link kiln.dialects.ir.DialectRegistry#discover}. */
public final class TexprDialectProvider implements DialectProvider {
    @Override
    public List<Dialect> dialects(boolean allowUnregistered) {
        return List.of(TexprDialect.INSTANCE);
    }
}
