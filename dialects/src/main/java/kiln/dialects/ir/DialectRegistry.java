package kiln.dialects.ir;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The dialects a parser, builder or verifier knows, and the op declarations found through them. The builtin dialect
 * is always there. With {@link #allowingUnregistered()}, ops of unknown names get {@link OpDef#unregistered}
 * declarations instead of being an error.
 */
public final class DialectRegistry {
    private final Map<String, Dialect> byNamespace = new LinkedHashMap<>();
    private final Map<String, OpDef> byName = new HashMap<>();
    private final Map<OpDef, Dialect> owners = new IdentityHashMap<>();
    private boolean allowUnregistered;

    public DialectRegistry(Dialect... dialects) {
        register(BuiltinDialect.INSTANCE);
        for (Dialect d : dialects) {
            register(d);
        }
    }

    /** Every dialect found through the {@link DialectProvider} services on the class path, and the builtin one. */
    public static DialectRegistry discover() {
        return discover(false);
    }

    /**
     * Every dialect found through the {@link DialectProvider} services, and the builtin one; with {@code
     * allowUnregistered}, in their lenient forms, and accepting ops no dialect declares.
     */
    public static DialectRegistry discover(boolean allowUnregistered) {
        DialectRegistry r = new DialectRegistry();
        for (DialectProvider p : ServiceLoader.load(DialectProvider.class, DialectRegistry.class.getClassLoader())) {
            p.dialects(allowUnregistered).forEach(r::register);
        }
        return allowUnregistered ? r.allowingUnregistered() : r;
    }

    public DialectRegistry register(Dialect dialect) {
        if (byNamespace.containsValue(dialect)) {
            return this;
        }
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
            owners.put(def, dialect);
        }
        return this;
    }

    /** Accept ops no dialect declares, unchecked (mlir-opt's {@code --allow-unregistered-dialect}). */
    public DialectRegistry allowingUnregistered() {
        this.allowUnregistered = true;
        return this;
    }

    public boolean allowsUnregistered() {
        return allowUnregistered;
    }

    public List<Dialect> dialects() {
        return byNamespace.values().stream().distinct().toList();
    }

    /** The dialect owning {@code namespace}. */
    public Optional<Dialect> dialect(String namespace) {
        return Optional.ofNullable(byNamespace.get(namespace));
    }

    /** The dialect that declares {@code def} (by its namespace for open and unregistered ops). */
    public Optional<Dialect> dialectOf(OpDef def) {
        Dialect d = owners.get(def);
        return d != null ? Optional.of(d) : dialect(def.namespace());
    }

    /**
     * The declaration of {@code opName}: an op a dialect declares, an open op of a dialect's namespace, or (when
     * unregistered ops are allowed) an unregistered declaration; empty otherwise.
     */
    public Optional<OpDef> lookup(String opName) {
        OpDef def = byName.get(opName);
        if (def != null) {
            return Optional.of(def);
        }
        Dialect d = byNamespace.get(namespaceOf(opName));
        Optional<OpDef> open = d == null ? Optional.empty() : d.openOp(opName);
        if (open.isPresent() || !allowUnregistered) {
            return open;
        }
        return Optional.of(UNREGISTERED.computeIfAbsent(opName, OpDef::unregistered));
    }

    private static final Map<String, OpDef> UNREGISTERED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The namespace of an op name: its leading identifier, up to the first character that is not a letter, digit,
     * {@code _} or {@code $} ({@code builtin} of {@code builtin.module}; a dialect may separate its ops' names from its
     * namespace with other punctuation too); empty for a name that is one identifier.
     */
    public static String namespaceOf(String opName) {
        int end = 0;
        while (end < opName.length() && isIdentifierChar(opName.charAt(end))) {
            end++;
        }
        return end == opName.length() ? "" : opName.substring(0, end);
    }

    private static boolean isIdentifierChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }
}
