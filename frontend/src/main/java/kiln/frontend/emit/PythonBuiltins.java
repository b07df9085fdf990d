package kiln.frontend.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How TorchScript resolves {@code torch.X} and {@code torch.nn.functional.X}: as the aten operator the function is
 * a builtin for, or as a Python function PyTorch compiles from source. Read from {@code python-builtins.txt},
 * generated from PyTorch by {@code tools/gen-python-builtins.py}.
 */
final class PythonBuiltins {
    /** Marks names that PyTorch compiles from Python source rather than mapping to an operator. */
    static final String PYTHON = "python";

    private static final Map<String, String> TABLE = load();

    private PythonBuiltins() {
    }

    /** The operator ({@code aten::conv2d}) or {@link #PYTHON} for a qualified name, or empty when unknown. */
    static Optional<String> lookup(String qualifiedName) {
        return Optional.ofNullable(TABLE.get(qualifiedName));
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = PythonBuiltins.class.getResourceAsStream("python-builtins.txt")) {
            if (in == null) {
                throw new IllegalStateException("python-builtins.txt is missing from the frontend jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                m.put(line.substring(0, sp), line.substring(sp + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
