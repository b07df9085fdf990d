package kiln.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Passes to run, as MLIR writes them: {@code canonicalize,cse{…}} runs on whatever it is given;
 * {@code builtin.module(inline,func(canonicalize,cse))} nests: the passes inside {@code op(…)} run on each op of that
 * name directly inside the enclosing one ({@code func} and {@code module} stand for {@code builtin.func} and
 * {@code builtin.module}). Options are space-separated inside braces, lists comma-separated:
 * {@code canonicalize{max-iterations=3 disable-patterns=a,b}}. Pipelines are data: read from the command line or
 * written in code, printed back by {@link #toString()}.
 *
 * @param anchor   the op name this pipeline runs on, or null for a top-level pipeline that runs on anything
 * @param elements its passes and nested pipelines, in order
 */
public record PassPipeline(String anchor, List<Element> elements) {
    public PassPipeline {
        elements = List.copyOf(elements);
    }

    /** A flat pipeline of passes with no anchor. */
    public PassPipeline(List<Pass> passes) {
        this(null, passes.stream().map(p -> (Element) new PassElement(p)).toList());
    }

    /** A step of a pipeline. */
    public sealed interface Element permits PassElement, Nested {
    }

    /** One pass. */
    public record PassElement(Pass pass) implements Element {
        public PassElement {
            Objects.requireNonNull(pass);
        }
    }

    /** A pipeline run on each op named {@code pipeline.anchor()} directly inside the op being run on. */
    public record Nested(PassPipeline pipeline) implements Element {
        public Nested {
            Objects.requireNonNull(pipeline.anchor(), "a nested pipeline has an anchor");
        }
    }

    /** The passes of this pipeline, leaving out nested pipelines. */
    public List<Pass> passes() {
        return elements.stream().filter(e -> e instanceof PassElement).map(e -> ((PassElement) e).pass()).toList();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The op name {@code name} stands for in a pipeline ({@code func} is {@code builtin.func}). */
    public static String anchorName(String name) {
        return switch (name) {
            case "func", "func.func" -> "builtin.func";
            case "module" -> "builtin.module";
            default -> name;
        };
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException naming the unknown pass (and the known ones), the unknown option or the
     *                                  malformed part, with its offset
     */
    public static PassPipeline parse(String text, PassRegistry registry) {
        Reader r = new Reader(text, registry);
        PassPipeline p = r.pipeline(null);
        r.skipSpaces();
        if (r.pos < text.length()) {
            throw r.error("unexpected '" + text.charAt(r.pos) + "'");
        }
        // 'builtin.module(…)' alone is the pipeline anchored on the module
        if (p.elements().size() == 1 && p.elements().getFirst() instanceof Nested n) {
            return n.pipeline();
        }
        return p;
    }

    private static final class Reader {
        final String s;
        final PassRegistry registry;
        int pos;

        Reader(String s, PassRegistry registry) {
            this.s = s;
            this.registry = registry;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("pass pipeline: " + message + " at offset " + pos);
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        PassPipeline pipeline(String anchor) {
            List<Element> elements = new ArrayList<>();
            skipSpaces();
            if (pos >= s.length() || s.charAt(pos) == ')') {
                return new PassPipeline(anchor, elements);
            }
            while (true) {
                elements.add(element());
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                return new PassPipeline(anchor, elements);
            }
        }

        Element element() {
            skipSpaces();
            int start = pos;
            while (pos < s.length() && "{(),".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (name.isEmpty()) {
                throw error("expected a pass name");
            }
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                PassPipeline nested = pipeline(anchorName(name));
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("missing ')' after the pipeline nested on '" + name + "'");
                }
                pos++;
                return new Nested(nested);
            }
            Map<String, String> options = new LinkedHashMap<>();
            if (pos < s.length() && s.charAt(pos) == '{') {
                options = options(name);
            }
            PassRegistry.Entry entry = registry.lookup(name).orElseThrow(() -> new IllegalArgumentException(
                    "pass pipeline: unknown pass '" + name + "' (known: " + registry.entries().stream()
                            .map(PassRegistry.Entry::name).collect(Collectors.joining(", ")) + ")"));
            return new PassElement(entry.create(options));
        }

        Map<String, String> options(String pass) {
            int close = s.indexOf('}', pos);
            if (close < 0) {
                throw error("missing '}' after the options of '" + pass + "'");
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (String kv : s.substring(pos + 1, close).strip().split("\\s+")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                String key = eq < 0 ? kv : kv.substring(0, eq);
                String value = eq < 0 ? "" : kv.substring(eq + 1);
                if (key.isEmpty()) {
                    throw error("option '" + kv + "' of '" + pass + "' has no name");
                }
                if (options.put(key, value) != null) {
                    throw error("option '" + key + "' of '" + pass + "' given twice");
                }
            }
            pos = close + 1;
            return options;
        }
    }

    @Override
    public String toString() {
        String inner = elements.stream().map(e -> switch (e) {
            case PassElement p -> p.pass().name() + p.pass().options();
            case Nested n -> n.pipeline().toString();
        }).collect(Collectors.joining(","));
        return anchor == null ? inner : printedAnchor(anchor) + "(" + inner + ")";
    }

    private static String printedAnchor(String anchor) {
        return anchor.equals("builtin.func") ? "func" : anchor;
    }
}
