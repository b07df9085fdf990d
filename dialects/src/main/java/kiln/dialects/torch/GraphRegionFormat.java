package kiln.dialects.torch;

import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.text.RegionFormat;

/**
 * Function bodies of the torch dialect in PyTorch's own graph text, inside any module:
 * {@code func @forward graph(%self : __torch__.M, %x : Tensor): … return (%y)}.
 */
final class GraphRegionFormat implements RegionFormat {
    private final TorchDialect dialect;

    GraphRegionFormat(TorchDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String keyword() {
        return "graph";
    }

    @Override
    public boolean accepts(Region body) {
        if (body.blocks().size() != 1) {
            return false;
        }
        Block b = body.entry();
        return b.terminator() != null && b.terminator().def() == TorchDialect.RETURN;
    }

    @Override
    public String print(Region body) {
        return GraphPrinter.print(Graph.of(body));
    }

    @Override
    public int parse(String text, String file, int offset, Region into, Map<Operation, Location> positions) {
        return GraphParser.parseInto(text, file, offset, into, dialect.allowsUnregistered(), positions);
    }
}
