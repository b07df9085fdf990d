package kiln.frontend.pickle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack, marks and memo of the pickle machine, within their limits. Items are {@link PyValue}s,
 * {@link Pending} containers or {@link Global}s. Items below the newest mark cannot be popped except by taking the
 * mark.
 */
final class PickleStack {
    private final Unpickler.Limits limits;
    private final Budget budget;
    private final List<Object> items = new ArrayList<>();
    private int[] marks = new int[16];
    private int markCount;
    private final Map<Long, Object> memo = new HashMap<>();

    PickleStack(Unpickler.Limits limits, Budget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    void push(Object item) {
        if (items.size() >= limits.maxStack()) {
            throw new IllegalArgumentException("stack deeper than " + limits.maxStack() + " items");
        }
        budget.spend(1);
        items.add(item);
    }

    private int floor() {
        return markCount == 0 ? 0 : marks[markCount - 1];
    }

    boolean isEmpty() {
        return items.size() == floor();
    }

    Object pop() {
        if (isEmpty()) {
            throw new IllegalArgumentException("stack underflow");
        }
        return items.removeLast();
    }

    Object peek() {
        if (isEmpty()) {
            throw new IllegalArgumentException("stack underflow");
        }
        return items.getLast();
    }

    /** The top {@code count} items, oldest first, removed. */
    List<Object> pop(int count) {
        if (items.size() - floor() < count) {
            throw new IllegalArgumentException("stack underflow");
        }
        return take(items.size() - count);
    }

    void mark() {
        if (markCount >= limits.maxStack()) {
            throw new IllegalArgumentException("more than " + limits.maxStack() + " marks");
        }
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, markCount * 2);
        }
        marks[markCount++] = items.size();
    }

    /** The items above the newest mark, oldest first, removed with the mark. */
    List<Object> popMark() {
        if (markCount == 0) {
            throw new IllegalArgumentException("no MARK on the stack");
        }
        return take(marks[--markCount]);
    }

    private List<Object> take(int from) {
        List<Object> top = items.subList(from, items.size());
        List<Object> taken = new ArrayList<>(top);
        top.clear();
        return taken;
    }

    void put(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative memo index " + index);
        }
        if (!memo.containsKey(index) && memo.size() >= limits.maxMemo()) {
            throw new IllegalArgumentException("memo larger than " + limits.maxMemo() + " entries");
        }
        memo.put(index, peek());
    }

    /** MEMOIZE: store the top item under the next free index. */
    void memoize() {
        put(memo.size());
    }

    Object get(long index) {
        Object item = memo.get(index);
        if (item == null) {
            throw new IllegalArgumentException("memo index " + index + " is not defined (memo holds "
                    + memo.size() + ")");
        }
        return item;
    }
}
