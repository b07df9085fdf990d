package kiln.dialects.torch;

import java.util.List;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectProvider;

/** Provides the torch dialect to {@link kiln.dialects.ir.DialectRegistry#discover}. */
public final class TorchDialectProvider implements DialectProvider {
    @Override
    public List<Dialect> dialects(boolean allowUnregistered) {
        return List.of(allowUnregistered ? TorchDialect.ALLOWING_UNREGISTERED : TorchDialect.INSTANCE);
    }
}
