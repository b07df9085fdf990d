package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kiln.dialects.arith.ArithEvaluator;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.types.LeafType;
import kiln.lowering.PassContext;
import kiln.lowering.PassOptions;
import kiln.lowering.conversion.torchtoarith.TorchToArithPass;
import kiln.runtime.interp.Interpreter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code convert-torch-to-arith} keeps TorchScript's semantics: each scalar graph runs on the reference interpreter
 * and, fully converted, on the arith evaluator, over edge values (wrapping ints, NaN, signed zeros, infinities) and
 * random ones; the results must be the same, bit for bit.
 */
class TorchToArithAgreementTest {
    private static final long[] INTS = {0, 1, -1, 2, -2, 3, -7, 7, 10, 1000003, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, (1L << 53) + 1, -(1L << 53) - 1, 1L << 62, 4294967296L};
    private static final double[] FLOATS = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 0.1, 1e308, -1e308, 4.9e-324,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.007199254740993e15, 7.0, -7.0};
    private static final int SAMPLES = 120;

    /** Each case: a name and a graph of int, float and bool inputs whose every op converts. */
    private static final List<String[]> CASES = List.of(
            c("int arithmetic wraps", """
                    graph(%a : int, %b : int):
                      %s : int = aten::add(%a, %b)
                      %d : int = aten::sub(%a, %b)
                      %p : int = aten::mul(%a, %b)
                      %n : int = aten::neg(%a)
                      return (%s, %d, %p, %n)"""),
            c("float arithmetic", """
                    graph(%x : float, %y : float):
                      %s : float = aten::add(%x, %y)
                      %d : float = aten::sub(%x, %y)
                      %p : float = aten::mul(%x, %y)
                      %q : float = aten::div(%x, %y)
                      %n : float = aten::neg(%x)
                      %r : float = aten::remainder(%x, %y)
                      return (%s, %d, %p, %q, %n, %r)"""),
            c("mixed int and float", """
                    graph(%a : int, %x : float):
                      %s : float = aten::add(%a, %x)
                      %t : float = aten::add(%x, %a)
                      %d : float = aten::sub(%a, %x)
                      %e : float = aten::sub(%x, %a)
                      %p : float = aten::mul(%a, %x)
                      %q : float = aten::mul(%x, %a)
                      %r : float = aten::remainder(%a, %x)
                      %u : float = aten::remainder(%x, %a)
                      %lo : float = prim::min(%a, %x)
                      %hi : float = prim::max(%x, %a)
                      return (%s, %t, %d, %e, %p, %q, %r, %u, %lo, %hi)"""),
            c("true division of ints", """
                    graph(%a : int, %b : int):
                      %q : float = aten::div(%a, %b)
                      return (%q)"""),
            c("int comparisons", """
                    graph(%a : int, %b : int):
                      %0 : bool = aten::eq(%a, %b)
                      %1 : bool = aten::ne(%a, %b)
                      %2 : bool = aten::lt(%a, %b)
                      %3 : bool = aten::le(%a, %b)
                      %4 : bool = aten::gt(%a, %b)
                      %5 : bool = aten::ge(%a, %b)
                      return (%0, %1, %2, %3, %4, %5)"""),
            c("float comparisons are C++'s", """
                    graph(%x : float, %y : float):
                      %0 : bool = aten::eq(%x, %y)
                      %1 : bool = aten::ne(%x, %y)
                      %2 : bool = aten::lt(%x, %y)
                      %3 : bool = aten::le(%x, %y)
                      %4 : bool = aten::gt(%x, %y)
                      %5 : bool = aten::ge(%x, %y)
                      return (%0, %1, %2, %3, %4, %5)"""),
            c("mixed comparisons", """
                    graph(%a : int, %x : float):
                      %0 : bool = aten::eq(%a, %x)
                      %1 : bool = aten::ne(%x, %a)
                      %2 : bool = aten::lt(%a, %x)
                      %3 : bool = aten::le(%x, %a)
                      %4 : bool = aten::gt(%a, %x)
                      %5 : bool = aten::ge(%x, %a)
                      return (%0, %1, %2, %3, %4, %5)"""),
            c("bool logic and conversions", """
                    graph(%p : bool, %q : bool, %a : int, %x : float):
                      %0 : bool = aten::__and__(%p, %q)
                      %1 : bool = aten::__or__(%p, %q)
                      %2 : bool = aten::__xor__(%p, %q)
                      %3 : bool = aten::__not__(%p)
                      %4 : bool = aten::eq(%p, %q)
                      %5 : bool = aten::ne(%p, %q)
                      %6 : int = aten::Int(%p)
                      %7 : float = aten::Float(%q)
                      %8 : bool = aten::Bool(%a)
                      %9 : bool = aten::Bool(%x)
                      %10 : float = aten::Float(%a)
                      return (%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10)"""),
            c("int bitwise ops, min, max, abs", """
                    graph(%a : int, %b : int):
                      %0 : int = aten::__and__(%a, %b)
                      %1 : int = aten::__or__(%a, %b)
                      %2 : int = aten::__xor__(%a, %b)
                      %3 : int = prim::min(%a, %b)
                      %4 : int = prim::max(%a, %b)
                      %5 : int = prim::abs(%a)
                      return (%0, %1, %2, %3, %4, %5)"""),
            c("float min and max: NaN wins, -0.0 is less", """
                    graph(%x : float, %y : float):
                      %0 : float = prim::min(%x, %y)
                      %1 : float = prim::max(%x, %y)
                      return (%0, %1)"""),
            c("floor division and modulo by constants", """
                    graph(%a : int):
                      %three : int = prim::Constant[value=3]()
                      %mthree : int = prim::Constant[value=-3]()
                      %one : int = prim::Constant[value=1]()
                      %mone : int = prim::Constant[value=-1]()
                      %min : int = prim::Constant[value=-9223372036854775808]()
                      %0 : int = aten::floordiv(%a, %three)
                      %1 : int = aten::floordiv(%a, %mthree)
                      %2 : int = aten::floordiv(%a, %mone)
                      %3 : int = aten::floordiv(%a, %min)
                      %4 : int = aten::remainder(%a, %three)
                      %5 : int = aten::remainder(%a, %mthree)
                      %6 : int = aten::remainder(%a, %one)
                      %7 : int = aten::remainder(%a, %mone)
                      %8 : int = aten::remainder(%a, %min)
                      %9 : int = aten::__round_to_zero_floordiv(%a, %mthree)
                      %10 : int = aten::__round_to_zero_floordiv(%a, %mone)
                      return (%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10)"""),
            c("constants and int() of a finite constant", """
                    graph(%a : int):
                      %f : float = prim::Constant[value=-2.75]()
                      %big : float = prim::Constant[value=9.2e+18]()
                      %t : bool = prim::Constant[value=1]()
                      %0 : int = aten::Int(%f)
                      %1 : int = aten::Int(%big)
                      %2 : int = aten::Int(%t)
                      %3 : int = aten::add(%a, %0)
                      return (%0, %1, %2, %3)"""));

    private static String[] c(String name, String graph) {
        return new String[] {name, graph};
    }

    @TestFactory
    Stream<DynamicTest> interpreterAndArithAgree() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c[0], () -> agree(c[1])));
    }

    private static void agree(String text) {
        Graph original = GraphParser.parse(text, "agreement.py");
        Operation func = convert(GraphParser.parse(text, "agreement.py"));
        Interpreter interpreter = Interpreter.create();
        Random random = new Random(12);
        List<Type> inputs = original.region().entry().arguments().stream().map(Value::type).toList();
        for (int n = 0; n < SAMPLES; n++) {
            List<Object> args = new ArrayList<>();
            for (Type t : inputs) {
                args.add(sample(t, n, random));
            }
            List<Object> expected = interpreter.run(original, args);
            List<Attribute> actual = ArithEvaluator.run(func, args.stream().map(TorchToArithAgreementTest::attr)
                    .toList());
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                Attribute want = attr(expected.get(i));
                if (!same(want, actual.get(i))) {
                    fail("output " + i + " for " + args + ": the interpreter gives " + expected.get(i) + ", arith "
                            + actual.get(i).asm());
                }
            }
        }
    }

    /** The graph as a function, fully converted (the pass fails otherwise) and verified. */
    private static Operation convert(Graph graph) {
        Operation module = BuiltinDialect.module();
        Operation func = BuiltinDialect.func("f", List.of());
        func.region(0).eraseBlock(func.region(0).entry());
        func.region(0).takeBody(graph.region());
        module.region(0).entry().append(func);
        new TorchToArithPass(PassOptions.parse(TorchToArithPass.NAME, TorchToArithPass.OPTIONS,
                java.util.Map.of("full", "true"))).run(func.region(0), new PassContext(DialectRegistry.discover()));
        assertEquals(List.of(), Verifier.verify(module));
        func.walk(op -> assertTrue(op.name().startsWith("arith.") || op.name().startsWith("builtin."),
                () -> "left unconverted: " + op.name()));
        return func;
    }

    /** The n-th sample of type t: the edge values first, then random ones. */
    private static Object sample(Type t, int n, Random random) {
        if (t == LeafType.INT) {
            return n < INTS.length * 2 ? INTS[(n + (n / INTS.length)) % INTS.length]
                    : random.nextInt(3) == 0 ? random.nextLong() : (long) random.nextInt(41) - 20;
        }
        if (t == LeafType.FLOAT) {
            return n < FLOATS.length * 2 ? FLOATS[(n * 7 + n / FLOATS.length) % FLOATS.length]
                    : random.nextBoolean() ? random.nextGaussian() * 100 : (double) (random.nextInt(21) - 10);
        }
        if (t == LeafType.BOOL) {
            return random.nextBoolean();
        }
        throw new IllegalArgumentException("no samples of " + t);
    }

    private static Attribute attr(Object v) {
        return switch (v) {
            case Long l -> new IntAttr(l);
            case Double d -> new FloatAttr(d);
            case Boolean b -> new BoolAttr(b);
            default -> throw new IllegalArgumentException("not a scalar: " + v);
        };
    }

    /** Equal values; floats bit for bit, except that every NaN is a NaN. */
    private static boolean same(Attribute want, Attribute got) {
        if (want instanceof FloatAttr w && got instanceof FloatAttr g && Double.isNaN(w.value())) {
            return Double.isNaN(g.value());
        }
        return want.equals(got);
    }
}
