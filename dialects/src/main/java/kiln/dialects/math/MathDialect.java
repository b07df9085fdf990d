package kiln.dialects.math;

import java.util.List;
import java.util.Optional;
import kiln.dialects.arith.ArithDialect;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.OpDef;

/**
 * MLIR's math dialect: the elementary functions on floats (and vectors of them), for the lower dialects' scalar
 * code — {@code %y = math.exp %x : f32}, {@code %p = math.powf %a, %b : f64}, {@code %f = math.fma %a, %b, %c : f32}.
 * Its ops fold on constants through {@link kiln.dialects.arith.ArithKernel}s (computed in double, rounded once to
 * the type), so the arith evaluator runs them too. {@code erf} and {@code erfc} do not fold: their values need
 * the runtime's special functions.
 */
public final class MathDialect implements Dialect {
    public static final MathDialect INSTANCE = new MathDialect();

    private MathDialect() {
    }

    @Override
    public String name() {
        return "math";
    }

    @Override
    public List<String> namespaces() {
        return List.of("math");
    }

    @Override
    public List<OpDef> ops() {
        return MathOps.ALL;
    }

    /** Folded values become {@code arith.constant}s, as MLIR's math dialect makes them. */
    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        return ArithDialect.INSTANCE.materializeConstant(value, type, location);
    }
}
