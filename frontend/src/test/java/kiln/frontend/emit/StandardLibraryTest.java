package kiln.frontend.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.schema.OperatorRegistry;
import org.junit.jupiter.api.Test;

/**
 * Kiln's standard library of TorchScript definitions ({@code torch.nn.functional.*}, {@code torch.norm}, …): every
 * definition compiles to a verified graph, and calls resolve and inline to the aten operators PyTorch's graphs
 * show. Also covers what the definitions need of the compiler: {@code @_overload}, {@code boolean_dispatch},
 * {@code BroadcastingListN} and module aliases.
 */
class StandardLibraryTest {
    private static final OperatorRegistry OPS = OperatorRegistry.standard();

    @Test
    void everyDefinitionCompilesToAVerifiedGraph() {
        ScriptUnit unit = ScriptUnit.fromSource("", "empty.py", "__torch__");
        ScriptCompiler compiler = new ScriptCompiler(unit, OPS);
        Map<String, String> failures = new TreeMap<>();
        int compiled = 0;
        for (var e : unit.functions().entrySet()) {
            if (!unit.isStandardLibrary(e.getKey())) {
                continue;
            }
            try {
                compiler.functionSignature(e.getKey());
                List<Diagnostic> problems = Verifier.verify(compiler.function(e.getKey()).region());
                if (!problems.isEmpty()) {
                    failures.put(e.getKey(), "invalid IR: " + problems.getFirst());
                }
                compiled++;
            } catch (CompileError ex) {
                failures.put(e.getKey(), ex.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " definitions fail:\n" + String.join("\n",
                failures.entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).toList()));
        assertTrue(compiled > 100, "compiled only " + compiled + " definitions");
    }

    /** The function compiled from {@code body} (one statement returning a value of {@code t: Tensor}, …). */
    private static Graph compile(String params, String body, boolean inline) {
        String src = "def f(" + params + "):\n    return " + body + "\n";
        ScriptCompiler c = new ScriptCompiler(ScriptUnit.fromSource(src, "t.py", "__torch__"), OPS);
        Graph g = inline ? c.inlinedFunction("__torch__.f") : c.function("__torch__.f");
        assertEquals(List.of(), Verifier.verify(g.region()));
        return g;
    }

    private static List<String> kinds(Graph g) {
        List<String> out = new ArrayList<>();
        g.region().walk(op -> out.add(op.name()));
        return out;
    }

    /** The names of the Function constants the graph calls, in order. */
    private static List<String> calledFunctions(Graph g) {
        List<String> out = new ArrayList<>();
        g.region().walk(op -> {
            if (op.def() == TorchDialect.CALL_FUNCTION) {
                Operation fn = op.operand(0).definingOp();
                out.add(fn.attribute("name", StringAttr.class).value());
            }
        });
        return out;
    }

    private static void assertInlinesTo(String params, String body, String... ops) {
        List<String> k = kinds(compile(params, body, true));
        for (String op : ops) {
            assertTrue(k.contains(op), () -> body + " inlines to " + k + ", without " + op);
        }
        assertTrue(!k.contains("prim::CallFunction"), () -> body + " still calls functions: " + k);
    }

    @Test
    void representativeCallsInlineToPyTorchsOperators() {
        assertInlinesTo("x: Tensor", "torch.nn.functional.pad(x, [1, 2], 'replicate')", "aten::pad");
        assertInlinesTo("a: Tensor, b: Tensor", "torch.nn.functional.mse_loss(a, b)", "aten::mse_loss",
                "aten::broadcast_tensors");
        assertInlinesTo("x: Tensor", "torch.norm(x)", "aten::linalg_vector_norm");
        assertInlinesTo("x: Tensor", "torch.norm(x, 'nuc')", "aten::linalg_matrix_norm");
        assertInlinesTo("x: Tensor", "torch.nn.functional.interpolate(x, scale_factor=2.0, mode='bilinear')",
                "aten::upsample_bilinear2d");
        assertInlinesTo("x: Tensor, t: Tensor", "torch.nn.functional.cross_entropy(x, t)", "aten::cross_entropy_loss");
        assertInlinesTo("x: Tensor", "torch.nn.functional.max_pool2d(x, 2)", "aten::max_pool2d");
        assertInlinesTo("x: Tensor", "torch.nn.functional.layer_norm(x, [4])", "aten::layer_norm");
        assertInlinesTo("x: Tensor", "torch.unique(x, return_counts=True)", "aten::_unique2");
        assertInlinesTo("x: Tensor, y: Tensor", "torch.cdist(x, y)", "aten::cdist");
    }

    @Test
    void booleanDispatchPicksTheFunctionByTheConstantFlag() {
        assertEquals(List.of("max_pool2d_with_indices"),
                calledFunctions(compile("x: Tensor", "torch.nn.functional.max_pool2d(x, 3, return_indices=True)",
                        false)));
        assertEquals(List.of("_max_pool2d"),
                calledFunctions(compile("x: Tensor", "torch.nn.functional.max_pool2d(x, 3)", false)));
        assertEquals(List.of("_lu_with_infos"), calledFunctions(compile("x: Tensor", "torch.lu(x, True, True)", false)));
        // nested dispatch: return_inverse, then return_counts
        assertEquals(List.of("_return_counts"), calledFunctions(compile("x: Tensor",
                "torch.unique(x, return_counts=True)", false)));
        assertEquals(List.of("_return_inverse_and_counts"), calledFunctions(compile("x: Tensor",
                "torch.unique(x, True, True, True)", false)));
        CompileError e = assertThrows(CompileError.class,
                () -> compile("x: Tensor, b: bool", "torch.nn.functional.max_pool2d(x, 3, return_indices=b)", false));
        assertTrue(e.getMessage().contains("for boolean dispatch"), e.getMessage());
    }

    @Test
    void aliasesAndOverloadsResolveAsInPyTorch() {
        // threshold = _threshold
        assertEquals(List.of("_threshold"),
                calledFunctions(compile("x: Tensor", "torch.nn.functional.threshold(x, 0.5, 0.0)", false)));
        // interpolate has four overloads; each call picks the one its argument types match
        Graph g = compile("x: Tensor", "torch.nn.functional.interpolate(x, 3), "
                + "torch.nn.functional.interpolate(x, [3, 4]), torch.nn.functional.interpolate(x, scale_factor=2.0)",
                false);
        assertEquals(List.of("interpolate", "interpolate", "interpolate"), calledFunctions(g));
        List<String> inputTypes = new ArrayList<>();
        g.region().walk(op -> {
            if (op.def() == TorchDialect.CALL_FUNCTION) {
                inputTypes.add(op.operand(2).type() + "," + op.operand(3).type());
            }
        });
        assertEquals(List.of("int,NoneType", "int[],NoneType", "NoneType,float"), inputTypes);
    }

    @Test
    void broadcastingListsRepeatOneIntAndDefaultsToo() {
        // kernel 3 → [3, 3]; stride None; padding and dilation default 0 and 1 → [0, 0], [1, 1] (as PyTorch's graph)
        Graph g = compile("x: Tensor", "torch.nn.functional.max_pool2d(x, 3)", false);
        long lists = kinds(g).stream().filter(k -> k.equals("prim::ListConstruct")).count();
        assertEquals(3, lists);
    }

    @Test
    void theUnitsOwnDefinitionTakesPrecedence() {
        // an archive carries the functions it was saved with: its interpolate replaces the whole overload set
        String src = """
                def interpolate(x: Tensor) -> Tensor:
                    return x + 1

                def f(x: Tensor):
                    return torch.nn.functional.interpolate(x)
                """;
        ScriptUnit unit = ScriptUnit.fromSource(src, "functional.py", "__torch__.torch.nn.functional");
        assertTrue(unit.overloads("__torch__.torch.nn.functional.interpolate").isEmpty());
        Graph g = new ScriptCompiler(unit, OPS).inlinedFunction("__torch__.torch.nn.functional.f");
        assertEquals(List.of("prim::Constant", "prim::Constant", "aten::add", "prim::Return"), kinds(g));
    }

    @Test
    void anOverloadedFunctionIsNotAValue() {
        CompileError e = assertThrows(CompileError.class,
                () -> compile("x: Tensor", "torch.nn.functional.interpolate", false));
        assertTrue(e.getMessage().contains("because it is overloaded"), e.getMessage());
    }

    @Test
    void standardLibraryNamesAreNotBareNamesOfUserCode() {
        CompileError e = assertThrows(CompileError.class, () -> compile("x: Tensor", "relu(x)", false));
        assertTrue(e.getMessage().contains("undefined value relu"), e.getMessage());
    }
}
