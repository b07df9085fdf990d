package kiln.dialects.arith;

import java.util.function.Consumer;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.DenseElementsAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.VectorType;

/** {@code arith.constant}'s checks: its value has its result's type, a signless integer, index, float or vector. */
final class ConstantVerifier {
    private ConstantVerifier() {
    }

    static void verify(Operation op, Consumer<String> report) {
        Attribute value = op.attribute(ArithFormats.VALUE);
        if (value == null || op.numResults() != 1) {
            return;
        }
        Type result = op.result(0).type();
        Type carried = ArithFormats.typeOf(value);
        if (carried == null) {
            report.accept("value must be an integer, float, or elements attribute");
            return;
        }
        if (!carried.equals(result)) {
            report.accept("value of type '" + carried.asm() + "' does not match the result type '" + result.asm()
                    + "'");
            return;
        }
        if (value instanceof DenseElementsAttr d) {
            if (!(result instanceof VectorType)) {
                report.accept("elements constants are vectors here, not '" + result.asm() + "'");
                return;
            }
            Type element = d.type().elementType();
            for (Attribute e : d.elements()) {
                scalar(e, element, report);
            }
            return;
        }
        scalar(value, result, report);
    }

    private static void scalar(Attribute value, Type type, Consumer<String> report) {
        if (!ArithTypes.isSignlessIntegerOrIndex(type) && !ArithTypes.isFloat(type)) {
            report.accept("integer return type must be signless (or index, or a float), not '" + type.asm() + "'");
            return;
        }
        boolean matches = switch (value) {
            case IntAttr i -> i.type().equals(type);
            case BoolAttr b -> ArithTypes.isBool(type);
            case FloatAttr f -> f.type().equals(type);
            default -> false;
        };
        if (!matches) {
            report.accept("element " + value.asm() + " is not a value of type '" + type.asm() + "'");
        } else if (value instanceof IntAttr i && ArithTypes.width(type) <= 64
                && !IntBits.fits(i.value(), ArithTypes.width(type))) {
            report.accept("integer constant " + i.value() + " is out of range for '" + type.asm() + "'");
        }
    }
}
