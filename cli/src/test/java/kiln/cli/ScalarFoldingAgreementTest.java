package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.scalar.ScalarException;
import kiln.dialects.torch.scalar.ScalarOps;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.schema.Overloads;
import kiln.dialects.torch.types.LeafType;
import kiln.lowering.PassContext;
import kiln.lowering.torch.ConstantPropagationPass;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Constant propagation and the interpreter agree on every scalar operator: for each overload of the table and a
 * grid of arguments of its kinds, the graph {@code graph(): <constants>; %r = op(args); return (%r)} folds to
 * exactly the values the interpreter returns for it unfolded, and does not fold when the interpreter raises (and
 * then raises the table's error).
 */
class ScalarFoldingAgreementTest {
    /** A value of the grid and the TorchScript type of its constant. */
    private record Arg(String type, Object value) {
    }

    private static final List<Object> INTS = List.of(0L, 1L, -1L, 7L, -4L, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE);
    private static final List<Object> FLOATS = List.of(0.5, -0.0, 2.5, -7.25, 1e300, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    private static final List<Object> STRS = List.of("", "a", "Hello, World", " 1.5 ", "-inf", "42", "0x1p3", "aBc");
    /** {@code Scalar} arguments take ints and floats, fewer of each, to keep the product small. */
    private static final List<Object> SCALAR_INTS = List.of(0L, 1L, -1L, 7L, -4L, Long.MAX_VALUE, Long.MIN_VALUE);
    private static final List<Object> SCALAR_FLOATS = List.of(0.5, -0.0, 2.5, -7.25, Double.NaN,
            Double.POSITIVE_INFINITY);
    /** The third int on and the second str on take a few values. */
    private static final List<Object> FEW_INTS = List.of(0L, -1L, 2L, 1L << 62);
    private static final List<Object> FEW_STRS = List.of("", "l", "lo");

    @TestFactory
    Stream<DynamicTest> foldingGivesWhatTheInterpreterComputes() {
        return ScalarOps.standard().overloads().stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> agree(OperatorRegistry.standard().lookup(name)
                        .orElseThrow())));
    }

    private static void agree(FunctionSchema schema) {
        List<List<Arg>> choices = new ArrayList<>();
        for (int i = 0; i < schema.arguments().size(); i++) {
            choices.add(grid(schema.arguments().get(i), i));
        }
        Interpreter interpreter = Interpreter.create(); // one per overload: it keeps the plan of each graph it ran
        int[] at = new int[choices.size()];
        do {
            List<Arg> args = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                args.add(choices.get(i).get(at[i]));
            }
            agree(interpreter, schema, args);
        } while (next(at, choices));
    }

    /** Steps {@code at} to the next combination of choices; false after the last. */
    private static boolean next(int[] at, List<List<Arg>> choices) {
        for (int i = at.length - 1; i >= 0; i--) {
            if (++at[i] < choices.get(i).size()) {
                return true;
            }
            at[i] = 0;
        }
        return false;
    }

    /** The values the argument at {@code index} takes. */
    private static List<Arg> grid(Argument a, int index) {
        List<Arg> out = new ArrayList<>();
        switch (a.type().str()) {
            case "int", "int?" -> (index >= 2 ? FEW_INTS : INTS).forEach(v -> out.add(new Arg("int", v)));
            case "float" -> FLOATS.forEach(v -> out.add(new Arg("float", v)));
            case "Scalar" -> {
                SCALAR_INTS.forEach(v -> out.add(new Arg("int", v)));
                SCALAR_FLOATS.forEach(v -> out.add(new Arg("float", v)));
            }
            case "bool" -> List.of(true, false).forEach(v -> out.add(new Arg("bool", v)));
            case "str" -> (index >= 1 ? FEW_STRS : STRS).forEach(v -> out.add(new Arg("str", v)));
            default -> throw new AssertionError("no grid for arguments of type " + a.type().str());
        }
        if (a.type().str().endsWith("?")) {
            out.add(new Arg("NoneType", null));
        }
        return out;
    }

    private static void agree(Interpreter interpreter, FunctionSchema schema, List<Arg> args) {
        String text = graph(schema, args);
        Graph g = GraphParser.parse(text, "agreement.kir");
        Verifier.verifyOrThrow(g.region());
        Operation op = g.block().opsSnapshot().stream().filter(o -> o.name().equals(schema.name())).findFirst()
                .orElseThrow();
        List<Object> expected;
        ScriptException raised = null;
        try {
            expected = interpreter.run(g);
        } catch (ScriptException e) {
            expected = null;
            raised = e;
        }
        String overload = Overloads.standard().resolve(op).orElseThrow().overloadedName();
        new ConstantPropagationPass().run(g.region(), new PassContext(TorchDialect.registry()));
        boolean stays = op.block() != null;
        if (raised != null) {
            assertTrue(stays, "folded although the interpreter raises " + raised.getMessage() + ":\n" + text);
            assertTableRaises(overload, args, raised, text);
            return;
        }
        assertFalse(stays, "not folded although the interpreter returns " + expected + ":\n" + text);
        assertEquals(expected, returnedConstants(g), "folded to another value:\n" + text);
    }

    /** The values of the constants a folded graph returns. */
    private static List<Object> returnedConstants(Graph g) {
        return BlockOutputs.outputs(g.block()).stream().map(v -> switch (v.definingOp().attribute("value")) {
            case IntAttr i when v.type() == LeafType.BOOL -> (Object) (i.value() != 0);
            case IntAttr i -> i.value();
            case FloatAttr f -> f.value();
            case StringAttr str -> str.value();
            case null, default -> throw new AssertionError("not a scalar constant: " + v.definingOp());
        }).toList();
    }

    /** The table raises the error the interpreter raised, of the same Python class and message. */
    private static void assertTableRaises(String overload, List<Arg> args, ScriptException raised, String text) {
        try {
            ScalarOps.standard().apply(overload, args.stream().map(Arg::value).toArray());
            fail(overload + " does not raise, the interpreter raised " + raised.getMessage() + ":\n" + text);
        } catch (ScalarException e) {
            assertEquals(raised.pythonClass(), e.kind().pythonClass(), text);
            assertEquals(raised.scriptMessage(), e.getMessage(), text);
        }
    }

    /** The graph calling {@code schema}'s operator on constants of {@code args}, returning its results. */
    private static String graph(FunctionSchema schema, List<Arg> args) {
        StringBuilder out = new StringBuilder("graph():\n");
        List<String> operands = new ArrayList<>();
        boolean allInts = true;
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            out.append("  %a").append(i).append(" : ").append(a.type()).append(" = prim::Constant")
                    .append(a.value() == null ? "" : "[value=" + literal(a.value()) + "]").append("()\n");
            operands.add("%a" + i);
            allInts &= !(a.value() instanceof Double);
        }
        List<String> results = new ArrayList<>();
        for (int i = 0; i < schema.returns().size(); i++) {
            String type = schema.returns().get(i).type().str();
            results.add("%r" + i + " : " + (type.equals("Scalar") ? numberKind(schema, args, allInts) : type));
        }
        out.append("  ").append(String.join(", ", results)).append(" = ").append(schema.name()).append('(')
                .append(String.join(", ", operands)).append(")\n");
        out.append("  return (").append(String.join(", ", results.stream().map(r -> r.split(" ")[0]).toList()))
                .append(")\n");
        return out.toString();
    }

    /** The type a {@code Scalar} result has: the kind of number the overload returns for these arguments. */
    private static String numberKind(FunctionSchema schema, List<Arg> args, boolean allInts) {
        try {
            Object r = ScalarOps.standard().apply(schema.overloadedName(), args.stream().map(Arg::value).toArray());
            return r instanceof Long ? "int" : "float";
        } catch (ScalarException e) {
            return allInts ? "int" : "float";
        }
    }

    private static String literal(Object v) {
        return switch (v) {
            case Boolean b -> b ? "1" : "0";
            case Double d when d.isNaN() -> "nan";
            case Double d when d.isInfinite() -> d > 0 ? "inf" : "-inf";
            case String s -> "\"" + s + "\"";
            default -> v.toString();
        };
    }
}
