package kiln.frontend.pickle;

import java.util.Collection;
import java.util.stream.Collectors;

/** Text forms shared by the container values. */
final class Sequences {
    private static final int SHOWN = 64;

    private Sequences() {
    }

    /** The first items joined by {@code ", "}, with a count of the rest. */
    static String join(Collection<?> items) {
        String shown = items.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
        return items.size() > SHOWN ? shown + ", ... (" + items.size() + " items)" : shown;
    }
}
