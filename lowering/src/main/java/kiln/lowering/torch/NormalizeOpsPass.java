package kiln.lowering.torch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.types.TensorType;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * PyTorch's NormalizeOps (torch/csrc/jit/passes/normalize_ops.cpp), which TorchScript runs on every compiled
 * graph: operator aliases become their canonical operator ({@code aten::true_divide} → {@code aten::div},
 * {@code aten::det} → {@code aten::linalg_det}, …) when the first input is a tensor, and
 * {@code aten::rsub(a, b, alpha)} of two tensors becomes {@code aten::sub(b, a, alpha)}. The table is what
 * PyTorch 2.13 does (checked with torch.jit.CompilationUnit).
 */
public final class NormalizeOpsPass implements Pass {
    public static final String NAME = "normalize-ops";

    private static final Map<String, String> ALIASES = aliases();

    private static Map<String, String> aliases() {
        Map<String, String> m = new HashMap<>();
        String[][] pairs = {
            {"absolute", "abs"}, {"clip", "clamp"}, {"det", "linalg_det"}, {"ger", "outer"},
            {"arccos", "acos"}, {"arcsin", "asin"}, {"arctan", "atan"}, {"arccosh", "acosh"}, {"arcsinh", "asinh"},
            {"arctanh", "atanh"}, {"arctan2", "atan2"}, {"fix", "trunc"}, {"negative", "neg"}, {"subtract", "sub"},
            {"greater_equal", "ge"}, {"greater", "gt"}, {"less_equal", "le"}, {"less", "lt"}, {"not_equal", "ne"},
            {"divide", "div"}, {"multiply", "mul"}, {"true_divide", "div"}, {"row_stack", "vstack"},
            {"swapdims", "transpose"}, {"swapaxes", "transpose"}, {"moveaxis", "movedim"},
            {"degrees", "rad2deg"}, {"radians", "deg2rad"}, {"matrix_power", "linalg_matrix_power"},
            {"matrix_exp", "linalg_matrix_exp"}, {"inverse", "linalg_inv"}, {"orgqr", "linalg_householder_product"},
            {"special_expm1", "expm1"}, {"special_exp2", "exp2"}, {"special_expit", "sigmoid"},
            {"special_logit", "logit"}, {"special_round", "round"}, {"special_log1p", "log1p"},
            {"special_sinc", "sinc"}, {"special_digamma", "digamma"}, {"special_psi", "digamma"},
            {"special_i0", "i0"}, {"special_xlogy", "xlogy"}, {"special_polygamma", "polygamma"},
            {"special_log_softmax", "log_softmax"}, {"special_softmax", "softmax"}, {"special_gammaln", "lgamma"},
            {"special_multigammaln", "mvlgamma"}, {"special_ndtr", "special_ndtr"},
        };
        for (String[] p : pairs) {
            if (!p[0].equals(p[1])) {
                m.put("aten::" + p[0], "aten::" + p[1]);
                m.put("aten::" + p[0] + "_", "aten::" + p[1] + "_");
            }
        }
        return Map.copyOf(m);
    }

    private final DialectRegistry registry;

    public NormalizeOpsPass(DialectRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "replace operator aliases by their canonical operator, as TorchScript's NormalizeOps";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        boolean changed = false;
        for (Block b : root.blocks()) {
            changed |= block(b, context);
        }
        return changed;
    }

    private boolean block(Block b, PassContext context) {
        boolean changed = false;
        for (Operation op : b.opsSnapshot()) {
            for (Region r : op.regions()) {
                for (Block nested : r.blocks()) {
                    changed |= block(nested, context);
                }
            }
            if (op.numOperands() == 0 || !op.operand(0).type().isSubtypeOf(TensorType.TENSOR)) {
                continue;
            }
            String target = ALIASES.get(op.name());
            List<Value> operands = List.copyOf(op.operands());
            if (op.name().equals("aten::rsub") && operands.size() == 3
                    && operands.get(1).type().isSubtypeOf(TensorType.TENSOR)) {
                target = "aten::sub";
                operands = List.of(operands.get(1), operands.get(0), operands.get(2));
            }
            if (target == null || registry.lookup(target).isEmpty()) {
                continue;
            }
            Operation replacement = Operation.create(registry.lookup(target).get(), operands,
                    op.results().stream().map(Value::type).toList(), op.attributes(), 0, op.location());
            b.insertBefore(replacement, op);
            for (OpResult r : op.results()) {
                replacement.result(r.index()).setName(r.name());
            }
            op.replaceWith(List.copyOf(replacement.results()));
            context.count(this, "normalized", 1);
            changed = true;
        }
        return changed;
    }
}
