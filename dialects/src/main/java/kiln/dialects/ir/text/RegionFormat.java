package kiln.dialects.ir.text;

import java.util.Map;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;

/**
 * A dialect's custom syntax for a whole function body, introduced by a keyword after the function's name: the torch
 * dialect writes {@code func @forward graph(%x : Tensor): … return (%y)} in its own (PyTorch's) graph text.
 */
public interface RegionFormat {
    /** The keyword that introduces the body ({@code graph}). */
    String keyword();

    /** Whether {@code body} (a function's region) is this dialect's, to be printed in this syntax. */
    boolean accepts(Region body);

    /** The body's text, starting with the keyword; later lines are indented by the printer. */
    String print(Region body);

    /**
     * Reads a body starting with the keyword at {@code offset} of {@code text} into the empty region {@code into}.
     *
     * @param positions where to record the place in the text of each op read (for diagnostics about ops that
     *                  carry no source location of their own)
     * @return the offset just past the body
     * @throws ParseException positioned in {@code text}
     */
    int parse(String text, String file, int offset, Region into, Map<Operation, Location> positions);
}
