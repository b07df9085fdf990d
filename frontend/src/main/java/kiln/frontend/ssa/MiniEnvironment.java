package kiln.frontend.ssa;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kiln.dialects.ir.Block;

/** A stack of per-block variable tables (PyTorch's MiniEnvironment); names iterate in sorted order. */
final class MiniEnvironment<T> {
    final Block block;
    final MiniEnvironment<T> next;
    private final Map<String, T> table = new TreeMap<>();

    MiniEnvironment(Block block, MiniEnvironment<T> next) {
        this.block = block;
        this.next = next;
    }

    void setVar(String name, T value) {
        table.put(name, value);
    }

    T findInThisFrame(String name) {
        return table.get(name);
    }

    T findInAnyFrame(String name) {
        for (MiniEnvironment<T> e = this; e != null; e = e.next) {
            T v = e.table.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    List<String> definedVariables() {
        return List.copyOf(table.keySet());
    }
}
