package kiln.dialects.torch;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;

/**
 * A torch block's outputs are the operands of its {@code prim::Return}; these are PyTorch's
 * {@code Block::registerOutput}/{@code eraseOutput}/{@code cloneFrom} over that representation.
 */
public final class BlockOutputs {
    private BlockOutputs() {
    }

    /** Adds a block ending in an empty {@code prim::Return} to {@code region}. */
    public static Block newBlock(Region region) {
        Block b = region.addBlock();
        b.append(Operation.create(TorchDialect.RETURN, List.of(), List.of(), Map.of(), 0, Location.UNKNOWN));
        return b;
    }

    public static Operation returnOp(Block b) {
        Operation t = b.terminator();
        if (t == null) {
            throw new IllegalStateException("block has no prim::Return");
        }
        return t;
    }

    public static List<Value> outputs(Block b) {
        return returnOp(b).operands();
    }

    public static void add(Block b, Value v) {
        returnOp(b).addOperand(v);
    }

    public static void insert(Block b, int index, Value v) {
        returnOp(b).insertOperand(index, v);
    }

    public static void erase(Block b, int index) {
        returnOp(b).eraseOperand(index);
    }

    public static void replaceAll(Block b, List<? extends Value> values) {
        returnOp(b).setOperands(values);
    }

    /**
     * Copies the ops of {@code src} (all but its return) to the end of {@code dst} and makes {@code dst}'s
     * outputs the copies of {@code src}'s; values from outside {@code src} are used as they are.
     */
    public static void cloneFrom(Block dst, Block src) {
        IRMapping mapping = new IRMapping();
        for (int i = 0; i < src.arguments().size() && i < dst.arguments().size(); i++) {
            mapping.map(src.argument(i), dst.argument(i));
        }
        cloneFrom(dst, src, mapping);
    }

    /** {@link #cloneFrom(Block, Block)} with the values of {@code src}'s arguments (and any others) given. */
    public static void cloneFrom(Block dst, Block src, IRMapping mapping) {
        Operation dstReturn = returnOp(dst);
        for (Operation op : src.ops()) {
            if (op != src.terminator()) {
                dst.insertBefore(op.clone(mapping), dstReturn);
            }
        }
        replaceAll(dst, outputs(src).stream().map(mapping::lookupOrDefault).toList());
    }

    /** Moves every op of {@code block} except its return to just before {@code anchor}. */
    public static void inlineBefore(Operation anchor, Block block) {
        for (Operation op : block.opsSnapshot()) {
            if (op != block.terminator()) {
                op.moveBefore(anchor);
            }
        }
    }
}
