package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** The checks of the core {@link Trait}s that constrain operand and result types. */
final class TraitChecks {
    private TraitChecks() {
    }

    private static List<Value> operandsAndResults(Operation op) {
        List<Value> all = new ArrayList<>(op.operands());
        all.addAll(op.results());
        return all;
    }

    static void unary(Operation op, Trait trait, Consumer<String> report) {
        if (op.numOperands() != 1 || op.numResults() != 1) {
            report.accept("is " + trait.name() + " and must have one operand and one result");
        } else if (!op.operand(0).type().equals(op.result(0).type())) {
            report.accept("is " + trait.name() + " and must have a result of its operand's type");
        }
    }

    static void same(Operation op, Function<Type, Object> key, String what, Consumer<String> report) {
        List<Value> all = operandsAndResults(op);
        if (all.isEmpty()) {
            return;
        }
        Object first = key.apply(all.getFirst().type());
        for (Value v : all) {
            if (!Objects.equals(first, key.apply(v.type()))) {
                report.accept("requires the same " + what + " for all operands and results");
                return;
            }
        }
    }

    static void sameShape(Operation op, Consumer<String> report) {
        List<Value> all = operandsAndResults(op);
        List<Long> shape = null;
        for (Value v : all) {
            if (!(v.type() instanceof ShapedType s)) {
                report.accept("requires shaped operands and results, got " + v.type());
                return;
            }
            if (shape == null) {
                shape = s.shape();
            } else if (!ShapedType.compatible(shape, s.shape())) {
                report.accept("requires the same shape for all operands and results");
                return;
            }
        }
    }
}
