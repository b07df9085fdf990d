package kiln.dialects.ir;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether two pieces of IR are the same program: same ops in the same order with equal attributes,
 * result types, locations and value names, operands that correspond position by position, and equal nested
 * regions. Used to check that parse(print(ir)) gives back ir.
 */
public final class StructuralEquality {
    private final Map<Value, Value> correspondence = new IdentityHashMap<>();
    private String difference;

    private StructuralEquality() {
    }

    /** Null when equal, else a sentence naming the first difference. */
    public static String firstDifference(Region a, Region b) {
        StructuralEquality eq = new StructuralEquality();
        eq.region(a, b, "");
        return eq.difference;
    }

    public static boolean equal(Region a, Region b) {
        return firstDifference(a, b) == null;
    }

    private boolean region(Region a, Region b, String path) {
        if (a.blocks().size() != b.blocks().size()) {
            return differ(path, "block counts " + a.blocks().size() + " vs " + b.blocks().size());
        }
        for (int i = 0; i < a.blocks().size(); i++) {
            if (!block(a.blocks().get(i), b.blocks().get(i), path + "/block" + i)) {
                return false;
            }
        }
        return true;
    }

    private boolean block(Block a, Block b, String path) {
        if (!values(a.arguments(), b.arguments(), path + " arguments")) {
            return false;
        }
        List<Operation> as = a.opsSnapshot();
        List<Operation> bs = b.opsSnapshot();
        if (as.size() != bs.size()) {
            return differ(path, "op counts " + as.size() + " vs " + bs.size());
        }
        for (int i = 0; i < as.size(); i++) {
            if (!op(as.get(i), bs.get(i), path + "/" + i + ":" + as.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private boolean op(Operation a, Operation b, String path) {
        if (!a.name().equals(b.name())) {
            return differ(path, "op " + a.name() + " vs " + b.name());
        }
        if (!a.attributes().equals(b.attributes())) {
            return differ(path, "attributes " + a.attributes() + " vs " + b.attributes());
        }
        if (!a.location().equals(b.location())) {
            return differ(path, "locations " + a.location() + " vs " + b.location());
        }
        if (a.numOperands() != b.numOperands()) {
            return differ(path, "operand counts " + a.numOperands() + " vs " + b.numOperands());
        }
        for (int i = 0; i < a.numOperands(); i++) {
            Value expected = correspondence.get(a.operand(i));
            if (expected != null ? expected != b.operand(i) : a.operand(i) != b.operand(i)) {
                return differ(path, "operand " + i + " refers to different values");
            }
        }
        if (!values(a.results(), b.results(), path + " results")) {
            return false;
        }
        if (a.regions().size() != b.regions().size()) {
            return differ(path, "region counts " + a.regions().size() + " vs " + b.regions().size());
        }
        for (int i = 0; i < a.regions().size(); i++) {
            if (!region(a.region(i), b.region(i), path + "/region" + i)) {
                return false;
            }
        }
        return true;
    }

    private boolean values(List<? extends Value> a, List<? extends Value> b, String path) {
        if (a.size() != b.size()) {
            return differ(path, "counts " + a.size() + " vs " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            Value x = a.get(i);
            Value y = b.get(i);
            if (!x.type().equals(y.type())) {
                return differ(path, "value " + i + " types " + x.type() + " vs " + y.type());
            }
            if (!Objects.equals(x.name(), y.name())) {
                return differ(path, "value " + i + " names " + x.name() + " vs " + y.name());
            }
            correspondence.put(x, y);
        }
        return true;
    }

    private boolean differ(String path, String what) {
        difference = (path.isEmpty() ? "" : path + ": ") + what;
        return false;
    }
}
