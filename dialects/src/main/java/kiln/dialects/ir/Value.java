package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An SSA value: a block argument or an operation result. A value knows its type, an optional name hint (the
 * TorchScript debug name such as {@code x.1}) and every use of it.
 */
public abstract sealed class Value permits BlockArgument, OpResult {
    private Type type;
    private String name;
    private final List<Use> uses = new ArrayList<>(2);

    Value(Type type, String name) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = name;
    }

    public Type type() {
        return type;
    }

    public void setType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The name hint, or null. Printers keep it where it is unique and number the value otherwise. */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Use> uses() {
        return Collections.unmodifiableList(uses);
    }

    public boolean hasUses() {
        return !uses.isEmpty();
    }

    /** The operation that defines this value, or null for a block argument. */
    public abstract Operation definingOp();

    /** The block this value is defined in. */
    public abstract Block parentBlock();

    /** Makes every user of this value use {@code replacement} instead. */
    public void replaceAllUsesWith(Value replacement) {
        if (replacement == this) {
            return;
        }
        for (Use use : List.copyOf(uses)) {
            use.user().setOperand(use.index(), replacement);
        }
    }

    void addUse(Use use) {
        uses.add(use);
    }

    void removeUse(Operation user, int index) {
        for (int i = 0; i < uses.size(); i++) {
            Use u = uses.get(i);
            if (u.user() == user && u.index() == index) {
                uses.remove(i);
                return;
            }
        }
        throw new IllegalStateException("use list out of sync: " + user.name() + " operand " + index);
    }

    @Override
    public String toString() {
        return "%" + (name == null ? "<" + System.identityHashCode(this) + ">" : name) + " : " + type;
    }
}
