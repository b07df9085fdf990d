package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A sequence of operations with typed arguments, ending in a terminator. Ops form an intrusive doubly linked
 * list, so insertion and removal are O(1) and positions stay valid while a pass rewrites around them.
 */
public final class Block {
    Region parent;
    private final List<BlockArgument> arguments = new ArrayList<>();
    private Operation first;
    private Operation last;
    private int size;

    Block(Region parent) {
        this.parent = parent;
    }

    public Region parent() {
        return parent;
    }

    public Operation parentOp() {
        return parent == null ? null : parent.parentOp();
    }

    // ---- arguments

    public List<BlockArgument> arguments() {
        return Collections.unmodifiableList(arguments);
    }

    public BlockArgument argument(int i) {
        return arguments.get(i);
    }

    public BlockArgument addArgument(Type type, String name) {
        BlockArgument a = new BlockArgument(this, arguments.size(), type, name);
        arguments.add(a);
        return a;
    }

    public BlockArgument insertArgument(int index, Type type, String name) {
        BlockArgument a = new BlockArgument(this, index, type, name);
        arguments.add(index, a);
        renumberArguments();
        return a;
    }

    /** Removes argument {@code index}, which must be unused. */
    public void eraseArgument(int index) {
        BlockArgument a = arguments.get(index);
        if (a.hasUses()) {
            throw new IllegalStateException("cannot erase block argument %" + a.name() + ": it has uses");
        }
        arguments.remove(index);
        renumberArguments();
    }

    private void renumberArguments() {
        for (int i = 0; i < arguments.size(); i++) {
            arguments.get(i).index = i;
        }
    }

    // ---- operations

    public boolean isEmpty() {
        return first == null;
    }

    public int size() {
        return size;
    }

    public Operation firstOp() {
        return first;
    }

    public Operation lastOp() {
        return last;
    }

    /** The last op if it is a terminator, else null. */
    public Operation terminator() {
        return last != null && last.has(Trait.TERMINATOR) ? last : null;
    }

    /** The ops in order; iteration tolerates removing the op just returned. */
    public Iterable<Operation> ops() {
        return () -> new Iterator<>() {
            private Operation next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Operation next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Operation op = next;
                next = op.next;
                return op;
            }
        };
    }

    public List<Operation> opsSnapshot() {
        List<Operation> out = new ArrayList<>(size);
        for (Operation op = first; op != null; op = op.next) {
            out.add(op);
        }
        return out;
    }

    public void append(Operation op) {
        insertBefore(op, null);
    }

    /** Inserts detached {@code op} before {@code anchor} (at the end when anchor is null). */
    public void insertBefore(Operation op, Operation anchor) {
        if (op.block != null) {
            throw new IllegalStateException(op.name() + " is already in a block");
        }
        if (anchor != null && anchor.block != this) {
            throw new IllegalArgumentException("anchor " + anchor.name() + " is not in this block");
        }
        op.block = this;
        op.next = anchor;
        op.prev = anchor == null ? last : anchor.prev;
        if (op.prev == null) {
            first = op;
        } else {
            op.prev.next = op;
        }
        if (anchor == null) {
            last = op;
        } else {
            anchor.prev = op;
        }
        size++;
    }

    public void insertAfter(Operation op, Operation anchor) {
        insertBefore(op, anchor.next);
    }

    void unlink(Operation op) {
        if (op.prev == null) {
            first = op.next;
        } else {
            op.prev.next = op.next;
        }
        if (op.next == null) {
            last = op.prev;
        } else {
            op.next.prev = op.prev;
        }
        op.prev = op.next = null;
        op.block = null;
        size--;
    }
}
