package kiln.lowering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The option values a pass was created with: each declared {@link PassOption} has its default unless the pipeline
 * set it. {@link #toString()} writes the values set, as a pipeline does ({@code {max-iterations=3}}).
 */
public final class PassOptions {
    private final List<PassOption<?>> declared;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    private PassOptions(List<PassOption<?>> declared) {
        this.declared = List.copyOf(declared);
    }

    /** Options with their defaults. */
    public static PassOptions defaults(List<PassOption<?>> declared) {
        return new PassOptions(declared);
    }

    /**
     * The values {@code texts} give the declared options.
     *
     * @throws IllegalArgumentException naming an option that is not declared (with the declared ones), or a value
     *                                  that does not read
     */
    public static PassOptions parse(String pass, List<PassOption<?>> declared, Map<String, String> texts) {
        PassOptions o = new PassOptions(declared);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            PassOption<?> option = declared.stream().filter(d -> d.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("pass '" + pass + "' has no option '" + e.getKey()
                            + "'" + (declared.isEmpty() ? " (it takes none)" : " (options: " + declared.stream()
                            .map(PassOption::name).collect(Collectors.joining(", ")) + ")")));
            try {
                o.values.put(option.name(), option.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("option '" + option.name() + "' of pass '" + pass + "': "
                        + ex.getMessage());
            }
            o.texts.put(option.name(), e.getValue());
        }
        return o;
    }

    /** The value of {@code option}: set by the pipeline, or its default. */
    public <T> T get(PassOption<T> option) {
        if (!declared.contains(option)) {
            throw new IllegalArgumentException("option '" + option.name() + "' is not declared");
        }
        Object v = values.get(option.name());
        @SuppressWarnings("unchecked")
        T t = v == null ? option.defaultValue() : (T) v;
        return Objects.requireNonNull(t, option.name());
    }

    /** The options the pipeline set, as it wrote them. */
    public Map<String, String> texts() {
        return Collections.unmodifiableMap(texts);
    }

    @Override
    public String toString() {
        return texts.isEmpty() ? "" : texts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "{", "}"));
    }
}
