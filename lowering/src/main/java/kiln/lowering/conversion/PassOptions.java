package kiln.lowering.conversion;

import java.util.Map;
import java.util.Set;

/** Reading a pass's pipeline options ({@code name{key=value}}) until the pass manager declares them itself. */
final class PassOptions {
    private PassOptions() {
    }

    /** Rejects every option: the pass takes none. */
    static void none(String pass, Map<String, String> options) {
        known(pass, options, Set.of());
    }

    /** Rejects options not in {@code known}. */
    static void known(String pass, Map<String, String> options, Set<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("pass '" + pass + "' has no option '" + k + "'"
                        + (known.isEmpty() ? "" : " (options: " + String.join(", ", known.stream().sorted().toList())
                        + ")"));
            }
        }
    }

    /** A boolean option: {@code true}/{@code false}, or {@code fallback} when absent. */
    static boolean flag(String pass, Map<String, String> options, String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("pass '" + pass + "': option '" + key + "' is true or false, "
                    + "not '" + v + "'");
        };
    }
}
