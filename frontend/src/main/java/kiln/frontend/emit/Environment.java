package kiln.frontend.emit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.Type;

/**
 * Local variables during emission: a frame per block, each mapping names to their declared types. A name
 * defined in only one branch of an if (or only inside a loop) is remembered with the reason it cannot be read
 * afterwards, so that the error names the branch, as PyTorch's does.
 */
final class Environment {
    final Environment parent;
    final Map<String, Type> vars = new LinkedHashMap<>();
    private final Map<String, String> undefined = new HashMap<>();
    /** Set when the block surely leaves (return, raise, break, continue): its definitions reach nothing after. */
    boolean exits;

    Environment(Environment parent) {
        this.parent = parent;
    }

    Type lookup(String name) {
        for (Environment e = this; e != null; e = e.parent) {
            Type t = e.vars.get(name);
            if (t != null) {
                return t;
            }
            if (e.undefined.containsKey(name)) {
                return null;
            }
        }
        return null;
    }

    /** Why {@code name} cannot be read here, or null when it was simply never defined. */
    String whyUndefined(String name) {
        for (Environment e = this; e != null; e = e.parent) {
            if (e.vars.containsKey(name)) {
                return null;
            }
            String why = e.undefined.get(name);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    void define(String name, Type type) {
        vars.put(name, type);
        undefined.remove(name);
    }

    void markUndefined(String name, String why) {
        vars.remove(name);
        undefined.put(name, why);
    }

    Set<String> definedHere() {
        return vars.keySet();
    }
}
