package kiln.dialects.math;

import java.util.List;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectProvider;

/** Provides the math dialect to {@link kiln.dialects.ir.DialectRegistry#discover}. */
public final class MathDialectProvider implements DialectProvider {
    @Override
    public List<Dialect> dialects(boolean allowUnregistered) {
        return List.of(MathDialect.INSTANCE);
    }
}
