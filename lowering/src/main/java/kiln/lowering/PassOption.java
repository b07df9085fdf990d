package kiln.lowering;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A declared option of a pass (MLIR's {@code Option<T>}): its name in a pipeline ({@code max-iterations}), help,
 * default, and how its text reads. A pipeline writes options MLIR's way, space-separated inside braces:
 * {@code canonicalize{max-iterations=3 top-down=false disable-patterns=a,b}}; a bare boolean name means true.
 */
public record PassOption<T>(String name, String help, T defaultValue, String typeName, Function<String, T> parser) {
    public PassOption {
        Objects.requireNonNull(name);
        Objects.requireNonNull(help);
        Objects.requireNonNull(parser);
    }

    public static PassOption<Integer> integer(String name, String help, int defaultValue) {
        return new PassOption<>(name, help, defaultValue, "int", s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer, got '" + s + "'");
            }
        });
    }

    public static PassOption<Boolean> bool(String name, String help, boolean defaultValue) {
        return new PassOption<>(name, help, defaultValue, "bool", s -> switch (s) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
        });
    }

    public static PassOption<String> string(String name, String help, String defaultValue) {
        return new PassOption<>(name, help, defaultValue, "string", s -> s);
    }

    /** A comma-separated list of words. */
    public static PassOption<List<String>> list(String name, String help) {
        return new PassOption<>(name, help, List.of(), "list", s -> s.isEmpty() ? List.of()
                : Arrays.stream(s.split(",")).map(String::strip).toList());
    }

    /** The value {@code text} gives this option. */
    public T parse(String text) {
        return parser.apply(text);
    }

    /** {@code name=<type> (default: …)  help}, for {@code --list-passes}. */
    public String describe() {
        String def = defaultValue instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(defaultValue);
        return name + "=<" + typeName + ">" + (def.isEmpty() ? "" : " (default " + def + ")") + "  " + help;
    }
}
