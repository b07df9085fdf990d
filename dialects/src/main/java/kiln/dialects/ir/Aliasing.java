package kiln.dialects.ir;

import java.util.List;
import java.util.Optional;

/**
 * An op interface (in the spirit of MLIR's {@code ViewLikeOpInterface} and its bufferization's aliasing queries):
 * which results of an op may refer to the memory of which operands, and which results are fresh memory. Buffer
 * reuse asks it to know when nothing can reach a buffer any more; an op without it is assumed to let its operands
 * escape.
 */
public interface Aliasing {
    /**
     * The results of {@code op} that may refer to operand {@code operand}'s memory once {@code op} has run — none
     * when {@code op} only reads it —, or empty when {@code op} may keep it where its block cannot follow (in a
     * container that outlives it, in global state, anywhere).
     */
    Optional<List<OpResult>> aliasesOf(Operation op, int operand);

    /** Whether result {@code result} of {@code op} is fresh memory that nothing else refers to. */
    boolean isFresh(Operation op, int result);

    /** Ops whose results are their operands, moved in or out of containers or retyped: every result may alias. */
    Aliasing FORWARDING = new Aliasing() {
        @Override
        public Optional<List<OpResult>> aliasesOf(Operation op, int operand) {
            return Optional.of(op.results());
        }

        @Override
        public boolean isFresh(Operation op, int result) {
            return false;
        }
    };
}
