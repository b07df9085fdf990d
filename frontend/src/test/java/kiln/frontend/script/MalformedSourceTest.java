package kiln.frontend.script;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Truncated and mutated sources either parse or fail with a {@link ScriptSyntaxError} that points into the source;
 * no other exception escapes the parser, and whatever parses still round-trips.
 */
class MalformedSourceTest {
    private static final String PIECES = "()[]{}:,.=+-*/\\'\"#\n    \t@*->...!$0x1e_j";

    @Test
    void mutationsFailCleanly() throws IOException, URISyntaxException {
        Path folder = Path.of(MalformedSourceTest.class.getResource("/kiln/frontend/script").toURI());
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                sources.add(Files.readString(f));
            }
        }
        Random random = new Random(20240611);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 4000; i++) {
            String source = sources.get(i % sources.size());
            String mutated = mutate(source, random);
            try {
                RoundTrip.check(mutated, "m.py");
                parsed++;
            } catch (ScriptSyntaxError e) {
                assertTrue(e.range().end() <= mutated.length(), e.getMessage());
                assertTrue(e.getMessage().startsWith("m.py:"), e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("unexpected " + e + " for:\n" + mutated, e);
            }
        }
        assertTrue(parsed > 0 && rejected > 0, parsed + " parsed, " + rejected + " rejected");
    }

    private static String mutate(String source, Random random) {
        int at = random.nextInt(source.length());
        return switch (random.nextInt(4)) {
            case 0 -> source.substring(0, at);
            case 1 -> source.substring(0, at) + source.substring(Math.min(source.length(), at + 1 + random.nextInt(3)));
            case 2 -> source.substring(0, at) + PIECES.charAt(random.nextInt(PIECES.length())) + source.substring(at);
            default -> {
                int other = random.nextInt(source.length());
                yield source.substring(0, Math.min(at, other)) + source.substring(Math.max(at, other));
            }
        };
    }
}
