package kiln.dialects.ir;

import java.util.List;

/**
 * A service (listed in {@code META-INF/services/kiln.dialects.ir.DialectProvider}) that contributes dialects, so
 * that a plugin jar on the class path adds dialects to {@code lower opt} without changing Kiln.
 */
public interface DialectProvider {
    /**
     * The dialects provided; {@code allowUnregistered} asks for their lenient form where they have one (the torch
     * dialect then lets operators PyTorch has no schema for pass verification).
     */
    List<Dialect> dialects(boolean allowUnregistered);
}
