package kiln.dialects.ir;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dialects a parser, builder or verifier knows, and the op declarations found through them. */
public final class DialectRegistry {
    private final Map<String, Dialect> byNamespace = new LinkedHashMap<>();
    private final Map<String, OpDef> byName = new HashMap<>();

    public DialectRegistry(Dialect... dialects) {
        for (Dialect d : dialects) {
            register(d);
        }
    }

    public DialectRegistry register(Dialect dialect) {
        for (String ns : dialect.namespaces()) {
            Dialect prev = byNamespace.putIfAbsent(ns, dialect);
            if (prev != null && prev != dialect) {
                throw new IllegalArgumentException("namespace '" + ns + "' owned by both " + prev.name()
                        + " and " + dialect.name());
            }
        }
        for (OpDef def : dialect.ops()) {
            if (byName.putIfAbsent(def.name(), def) != null) {
                throw new IllegalArgumentException("op '" + def.name() + "' declared twice");
            }
        }
        return this;
    }

    public List<Dialect> dialects() {
        return byNamespace.values().stream().distinct().toList();
    }

    /** The declaration of {@code opName}, or empty when no registered dialect accepts it. */
    public Optional<OpDef> lookup(String opName) {
        OpDef def = byName.get(opName);
        if (def != null) {
            return Optional.of(def);
        }
        Dialect d = byNamespace.get(namespaceOf(opName));
        return d == null ? Optional.empty() : d.openOp(opName);
    }

    public static String namespaceOf(String opName) {
        int colons = opName.indexOf("::");
        if (colons >= 0) {
            return opName.substring(0, colons);
        }
        int dot = opName.indexOf('.');
        return dot >= 0 ? opName.substring(0, dot) : "";
    }
}
