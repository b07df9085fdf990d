package kiln.dialects.torch.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.LinkedHashSet;

/**
 * PyTorch's operator schemas, by operator name. {@link #standard()} holds every schema PyTorch registers, read
 * once, on first use, from the resource {@value #RESOURCE} (which {@code tools/gen-operator-schemas.py} writes:
 * one schema per line, {@code #} comments).
 */
public final class OperatorRegistry {
    /** The class-path resource holding PyTorch's schemas. */
    public static final String RESOURCE = "/kiln/dialects/torch/operator-schemas.txt";

    private final Map<String, List<FunctionSchema>> byName;
    private final List<FunctionSchema> all;
    private final List<String> header;

    private OperatorRegistry(List<FunctionSchema> schemas, List<String> header) {
        Map<String, List<FunctionSchema>> map = new LinkedHashMap<>();
        for (FunctionSchema s : schemas) {
            map.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.byName = map;
        this.all = List.copyOf(schemas);
        this.header = List.copyOf(header);
    }

    /** A registry of the given schemas (for tests and for operators defined outside PyTorch). */
    public static OperatorRegistry of(Collection<FunctionSchema> schemas) {
        return new OperatorRegistry(List.copyOf(schemas), List.of());
    }

    /** The schemas of the PyTorch version the resource was generated from; read on first call, once. */
    public static OperatorRegistry standard() {
        return Standard.REGISTRY;
    }

    /** Initialization-on-demand holder: the JVM reads the resource once, thread-safely, on first use. */
    private static final class Standard {
        static final OperatorRegistry REGISTRY = load();
    }

    private static OperatorRegistry load() {
        try (InputStream stream = OperatorRegistry.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("operator schema resource " + RESOURCE + " is missing");
            }
            return read(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Reads schema lines; blank lines are skipped and {@code #} lines are the header. */
    static OperatorRegistry read(BufferedReader reader, String source) throws IOException {
        List<FunctionSchema> schemas = new ArrayList<>();
        List<String> header = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                header.add(line.substring(1).strip());
                continue;
            }
            try {
                schemas.add(SchemaParser.parse(line));
            } catch (SchemaParseException e) {
                throw new IllegalStateException(source + ":" + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new OperatorRegistry(schemas, header);
    }

    /** Every overload of {@code qualifiedName} ({@code aten::add}), in the resource's order; empty if none. */
    public List<FunctionSchema> overloads(String qualifiedName) {
        return byName.getOrDefault(qualifiedName, List.of());
    }

    /** Whether some schema has the name {@code qualifiedName}. */
    public boolean contains(String qualifiedName) {
        return byName.containsKey(qualifiedName);
    }

    /** The overload {@code overloadName} ({@code ""} for the default one) of {@code qualifiedName}. */
    public Optional<FunctionSchema> lookup(String qualifiedName, String overloadName) {
        return overloads(qualifiedName).stream().filter(s -> s.overloadName().equals(overloadName)).findFirst();
    }

    /** The schema named {@code aten::add.Tensor} (or {@code aten::relu} for a default overload). */
    public Optional<FunctionSchema> lookup(String overloadedName) {
        OverloadedName n = OverloadedName.parse(overloadedName);
        return lookup(n.operator(), n.overload());
    }

    /** Every schema, in the resource's order. */
    public List<FunctionSchema> all() {
        return all;
    }

    /** The operator names, each once. */
    public SequencedSet<String> names() {
        return new LinkedHashSet<>(byName.keySet());
    }

    /** The namespaces that have operators ({@code aten}, {@code prim}, ...), each once. */
    public SequencedSet<String> namespaces() {
        SequencedSet<String> out = new LinkedHashSet<>();
        all.forEach(s -> out.add(s.namespace()));
        return out;
    }

    /** The resource's comment lines (the PyTorch version and how it was generated), without {@code #}. */
    public List<String> header() {
        return header;
    }
}
