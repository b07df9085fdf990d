package kiln.dialects.ir;

import java.util.function.Consumer;

/**
 * A property of an op, declared on its {@link OpDef} (MLIR's op traits): analyses and passes ask an op whether it
 * has a trait instead of matching its name. A trait is a value compared by identity; the core ones are the constants
 * below, and a dialect declares its own as constants of its own (an enum implementing this interface, or
 * {@link #named}). A trait may check the ops that carry it: {@link #verify} runs in the {@link Verifier}.
 *
 * <p>Properties with behaviour (what an op reads and writes, how a loop is shaped, how an op folds) are op
 * interfaces instead: objects an {@link OpDef} implements, found with {@link Operation#getInterface}.
 */
public interface Trait {
    /** The trait's name in diagnostics and documentation. */
    String name();

    /** Checks an op that has this trait; report each problem as one sentence. */
    default void verify(Operation op, Consumer<String> report) {
    }

    /** A trait with no checks of its own, named {@code name} (prefix it with the dialect: {@code torch.subgraph}). */
    static Trait named(String name) {
        return new Named(name);
    }

    /** Ends a block; only the last op of a block may have it, and every block ends with one. */
    Trait TERMINATOR = Core.TERMINATOR;
    /** No memory effects and always safe to execute: removable when unused, mergeable with an equal op. */
    Trait PURE = Core.PURE;
    /** Produces a compile-time constant from its attributes alone; its fold gives that attribute. */
    Trait CONSTANT_LIKE = Core.CONSTANT_LIKE;
    /** Its regions may not use values defined outside them (a function, a kernel, a subgraph). */
    Trait ISOLATED_FROM_ABOVE = Core.ISOLATED_FROM_ABOVE;
    /** The blocks of its regions need no terminator (a module's body). */
    Trait NO_TERMINATOR = Core.NO_TERMINATOR;
    /** Its one region holds symbols ({@link #SYMBOL}) whose names are unique in it: a module. */
    Trait SYMBOL_TABLE = Core.SYMBOL_TABLE;
    /** Defines a symbol, named by its {@code sym_name} string attribute: a function, a kernel, a global. */
    Trait SYMBOL = Core.SYMBOL;
    /** Every region has at most one block. */
    Trait SINGLE_BLOCK = Core.SINGLE_BLOCK;
    /** A terminator that hands its operands to the op holding the block (a return, a yield). */
    Trait RETURN_LIKE = Core.RETURN_LIKE;
    /** Its memory effects are those of the ops nested in its regions (structured control flow). */
    Trait RECURSIVE_MEMORY_EFFECTS = Core.RECURSIVE_MEMORY_EFFECTS;
    /** Two equal executions may give different results (random sampling): never merged by CSE. */
    Trait NONDETERMINISTIC = Core.NONDETERMINISTIC;
    /** Its two operands may be swapped; canonicalization moves constants to the right. */
    Trait COMMUTATIVE = Core.COMMUTATIVE;
    /** {@code op(op(x)) == op(x)} for a unary op: folded generically. */
    Trait IDEMPOTENT = Core.IDEMPOTENT;
    /** {@code op(op(x)) == x} for a unary op: folded generically. */
    Trait INVOLUTION = Core.INVOLUTION;
    /**
     * Maps each element of its operands to the element of its results at the same index (after broadcasting):
     * may write its result over an operand it reads; fusible.
     */
    Trait ELEMENTWISE = Core.ELEMENTWISE;
    /** Every operand and result has the same type. */
    Trait SAME_OPERANDS_AND_RESULT_TYPE = Core.SAME_OPERANDS_AND_RESULT_TYPE;
    /** Every operand and result is a {@link ShapedType} of the same shape. */
    Trait SAME_OPERANDS_AND_RESULT_SHAPE = Core.SAME_OPERANDS_AND_RESULT_SHAPE;
    /** Every operand and result has the same element type (a shaped type's, or the type itself). */
    Trait SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE = Core.SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE;

    /** A dialect's trait without checks of its own. */
    record Named(String name) implements Trait {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The core traits. */
    enum Core implements Trait {
        TERMINATOR, PURE, CONSTANT_LIKE, ISOLATED_FROM_ABOVE, NO_TERMINATOR, RETURN_LIKE, RECURSIVE_MEMORY_EFFECTS, NONDETERMINISTIC, COMMUTATIVE, ELEMENTWISE,
        SYMBOL_TABLE {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                SymbolTable.verify(op, report);
            }
        },
        SINGLE_BLOCK {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                for (Region r : op.regions()) {
                    if (r.blocks().size() > 1) {
                        report.accept("expects regions of at most one block, found " + r.blocks().size());
                    }
                }
            }
        },
        SYMBOL {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                if (!(op.attribute(SymbolTable.SYM_NAME) instanceof StringAttr)) {
                    report.accept("defines a symbol but has no '" + SymbolTable.SYM_NAME + "' string attribute");
                }
            }
        },
        IDEMPOTENT {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                TraitChecks.unary(op, this, report);
            }
        },
        INVOLUTION {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                TraitChecks.unary(op, this, report);
            }
        },
        SAME_OPERANDS_AND_RESULT_TYPE {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                TraitChecks.same(op, t -> t, "type", report);
            }
        },
        SAME_OPERANDS_AND_RESULT_SHAPE {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                TraitChecks.sameShape(op, report);
            }
        },
        SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE {
            @Override
            public void verify(Operation op, Consumer<String> report) {
                TraitChecks.same(op, t -> t instanceof ShapedType s ? s.elementType() : t, "element type", report);
            }
        }
    }
}
