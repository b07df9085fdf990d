package kiln.frontend.script;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Expressions, after PyTorch's tree views ({@code torch/csrc/jit/frontend/tree_views.h}) and Python's {@code ast}.
 * Parentheses leave no node. Type annotations are expressions too ({@code List[int]} is a {@link Subscript}).
 */
public sealed interface Expr extends Node {

    /** A variable or global name. */
    record Name(String id, SourceRange range) implements Expr {
    }

    /** {@code value.attr}. */
    record Attribute(Expr value, Ident attr, SourceRange range) implements Expr {
    }

    /**
     * {@code value[i, j, ...]}: one entry per comma-separated index, each an expression or a {@link Slice}. A
     * parenthesized tuple index is one {@link TupleLiteral} entry, as in PyTorch.
     */
    record Subscript(Expr value, List<Expr> indices, SourceRange range) implements Expr {
        public Subscript {
            indices = List.copyOf(indices);
        }
    }

    /** {@code lower:upper:step} inside a subscript; each part may be absent. */
    record Slice(Optional<Expr> lower, Optional<Expr> upper, Optional<Expr> step, SourceRange range)
            implements Expr {
    }

    /** {@code func(args..., name=value...)}. */
    record Call(Expr func, List<Expr> args, List<Keyword> keywords, SourceRange range) implements Expr {
        public Call {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }
    }

    /** {@code not x}, {@code -x}, {@code +x}, {@code ~x}. */
    record Unary(UnaryOperator op, Expr operand, SourceRange range) implements Expr {
    }

    /** {@code left op right} for arithmetic and bitwise operators. */
    record Binary(Expr left, BinaryOperator op, Expr right, SourceRange range) implements Expr {
    }

    /** {@code left and right}, {@code left or right}; chains nest to the left. */
    record BoolOp(BoolOperator op, Expr left, Expr right, SourceRange range) implements Expr {
    }

    /** A comparison chain {@code left op0 c0 op1 c1 ...}, one operator per comparator. */
    record Compare(Expr left, List<CompareOperator> ops, List<Expr> comparators, SourceRange range)
            implements Expr {
        public Compare {
            ops = List.copyOf(ops);
            comparators = List.copyOf(comparators);
            if (ops.isEmpty() || ops.size() != comparators.size()) {
                throw new IllegalArgumentException("a comparison needs one operator per comparator");
            }
        }
    }

    /** {@code ifTrue if test else ifFalse}. */
    record IfExp(Expr test, Expr ifTrue, Expr ifFalse, SourceRange range) implements Expr {
    }

    /** {@code *value}, only as an element of a tuple or list (unpacking targets). */
    record Starred(Expr value, SourceRange range) implements Expr {
    }

    record ListLiteral(List<Expr> elements, SourceRange range) implements Expr {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    record TupleLiteral(List<Expr> elements, SourceRange range) implements Expr {
        public TupleLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {k0: v0, k1: v1}}. */
    record DictLiteral(List<Expr> keys, List<Expr> values, SourceRange range) implements Expr {
        public DictLiteral {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            if (keys.size() != values.size()) {
                throw new IllegalArgumentException("a dict literal needs one value per key");
            }
        }
    }

    /** {@code [element for target in iter if condition]}, with a single {@code for}. */
    record ListComp(Expr element, Expr target, Expr iter, Optional<Expr> condition, SourceRange range)
            implements Expr {
    }

    /** {@code {key: value for target in iter if condition}}, with a single {@code for}. */
    record DictComp(Expr key, Expr value, Expr target, Expr iter, Optional<Expr> condition, SourceRange range)
            implements Expr {
    }

    /** A literal constant. */
    sealed interface Constant extends Expr {
    }

    /** An integer literal (decimal, hex, octal or binary); unbounded here, range-checked later. */
    record IntLiteral(BigInteger value, SourceRange range) implements Constant {
    }

    record FloatLiteral(double value, SourceRange range) implements Constant {
    }

    /** {@code 2j}: the imaginary part of a complex constant. */
    record ImaginaryLiteral(double value, SourceRange range) implements Constant {
    }

    /** A string literal; adjacent literals are concatenated into one, as in Python. */
    record StringLiteral(String value, SourceRange range) implements Constant {
    }

    record BoolLiteral(boolean value, SourceRange range) implements Constant {
    }

    record NoneLiteral(SourceRange range) implements Constant {
    }

    /** {@code ...}. */
    record EllipsisLiteral(SourceRange range) implements Constant {
    }
}
