package kiln.dialects.torch.scalar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The results of an overload with several returns: {@code divmod}'s quotient and remainder
 * ({@code aten::divmod.int(int x, int y) -> (int, int)}), {@code str.partition}'s three parts. In a graph each is
 * a result of its own.
 *
 * @param values one value per return, in order
 */
public record ScalarResults(List<Object> values) {
    public ScalarResults {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static ScalarResults of(Object... values) {
        return new ScalarResults(Arrays.asList(values));
    }
}
