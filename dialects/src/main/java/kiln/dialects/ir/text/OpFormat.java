package kiln.dialects.ir.text;

import java.util.List;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;

/**
 * An op interface: the custom assembly of an op (MLIR's {@code hasCustomAssemblyFormat}), written after the op's
 * bare name instead of the generic form: {@code %r = arith.addi %a, %b : i64}. The printer writes the results and
 * {@code =}, the name, then calls {@link #print}; the location follows. The parser reads the results and the name,
 * then calls {@link #parse}, which returns the op (detached, with as many results as were named).
 */
public interface OpFormat {
    void print(Operation op, AsmPrinter printer);

    /**
     * Reads the rest of an op of kind {@code def}.
     *
     * @param resultCount how many results were named before {@code =}
     */
    Operation parse(OpDef def, int resultCount, AsmParser parser);

    /** Whether this format can print {@code op}; the generic form is used otherwise. */
    default boolean canPrint(Operation op) {
        return true;
    }

    /** The names of ops printed with a custom format of several names; the op's own name by default. */
    default List<String> aliases() {
        return List.of();
    }
}
