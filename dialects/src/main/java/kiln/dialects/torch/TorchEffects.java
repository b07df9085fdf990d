package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.MemoryEffects.Effect;
import kiln.dialects.ir.MemoryEffects.Kind;
import kiln.dialects.ir.MemoryEffects.Resource;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.AliasInfo;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.types.TensorType;

/**
 * The memory effects of the torch dialect's ops, as PyTorch's alias analysis and {@code Node::hasSideEffects}
 * (torch/csrc/jit/ir/ir.cpp) see them: printing and warnings write the program's output; raising writes its control
 * state; attribute stores write the object; the operators PyTorch registers with side effects write the state they
 * change; an operator reads its tensor operands and writes those that the overload it calls writes ({@code
 * Tensor(a!)}, {@code t[](a!)}: an in-place op writes its tensor, {@code append} its list); when that overload cannot
 * be told, an operator some of whose schemas write may write anything. Random sampling reads the generator (an unused
 * draw is dead, as in PyTorch) and is {@link Trait#NONDETERMINISTIC}, so CSE never merges two draws.
 */
public final class TorchEffects {
    /** What TorchScript's {@code print} and {@code warnings.warn} write. */
    public static final Resource OUTPUT = new Resource("torch.output");
    /** The state an exception changes. */
    public static final Resource CONTROL = new Resource("torch.control");
    /** The default random generator. */
    public static final Resource RNG = new Resource("torch.rng");
    /** Autograd's global grad mode. */
    public static final Resource GRAD_MODE = new Resource("torch.grad_mode");

    /** Operators PyTorch counts as having side effects whatever their schemas say (ir.cpp). */
    private static final Set<String> SIDE_EFFECTS = Set.of("aten::warn", "aten::save", "aten::manual_seed",
            "aten::set_grad_enabled", "aten::wait", "prim::AddStatValue", "prim::TimePoint", "prim::rpc_async",
            "prim::rpc_sync", "prim::rpc_remote", "cuda::set_stream", "cuda::_set_device", "cuda::_current_device",
            "cuda::synchronize", "aten::_assert_async", "aten::_assert_scalar", "aten::_print",
            "aten::sym_constrain_range", "aten::sym_constrain_range_for_size", "aten::_set_grad_enabled");

    /**
     * Operators that make an operand share another's storage, which no effect and no alias annotation of their schemas
     * says ({@code set_(Tensor(a!) self, Tensor source)}): they may do anything.
     */
    private static final Set<String> SHARES_STORAGE = Set.of("aten::set_");

    /** Operators that draw from a random generator (PyTorch's nondeterministic operators). */
    private static final Set<String> RANDOM = Set.of("aten::rand", "aten::rand_like", "aten::randn",
            "aten::randn_like", "aten::randint", "aten::randint_like", "aten::randperm", "aten::bernoulli",
            "aten::bernoulli_", "aten::multinomial", "aten::normal", "aten::normal_", "aten::poisson",
            "aten::uniform_", "aten::exponential_", "aten::geometric_", "aten::log_normal_", "aten::cauchy_",
            "aten::random_", "aten::dropout", "aten::feature_dropout", "aten::alpha_dropout",
            "aten::feature_alpha_dropout", "aten::native_dropout", "aten::rrelu", "aten::rrelu_with_noise",
            "aten::_fused_dropout", "aten::_standard_gamma", "aten::_sample_dirichlet", "aten::binomial");

    private TorchEffects() {
    }

    /** Whether operator {@code name} draws random numbers. */
    static boolean isRandom(String name) {
        return RANDOM.contains(name);
    }

    /** Effects of an operator op (aten::, prim:: operators with schemas), from its name's schemas. */
    static List<Effect> ofOperator(Operation op) {
        String name = op.name();
        if (SIDE_EFFECTS.contains(name)) {
            Resource r = name.equals("aten::manual_seed") ? RNG : name.contains("grad_enabled") ? GRAD_MODE
                    : OUTPUT;
            return List.of(Effect.on(Kind.WRITE, r));
        }
        List<FunctionSchema> overloads = OperatorRegistry.standard().overloads(name);
        if (overloads.isEmpty() || SHARES_STORAGE.contains(name)) {
            return MemoryEffects.ANYTHING;
        }
        List<Effect> effects = new ArrayList<>();
        if (overloads.stream().anyMatch(s -> s.arguments().stream().anyMatch(TorchEffects::writes))) {
            Optional<FunctionSchema> called = CalledOverload.of(op);
            if (called.isEmpty()) {
                return MemoryEffects.ANYTHING;
            }
            List<Argument> args = called.get().arguments();
            for (int i = 0; i < Math.min(args.size(), op.numOperands()); i++) {
                if (writes(args.get(i))) {
                    effects.add(Effect.write(op.operand(i)));
                }
            }
        }
        for (Value v : op.operands()) {
            if (v.type().isSubtypeOf(TensorType.TENSOR)) {
                effects.add(Effect.read(v));
            }
        }
        if (RANDOM.contains(name)) {
            effects.add(Effect.on(Kind.READ, RNG));
        }
        return effects;
    }

    /** Whether an argument's annotation writes it or values it holds ({@code Tensor(a!)}, {@code Tensor(a!)[]}). */
    private static boolean writes(Argument arg) {
        return arg.aliasInfo().filter(TorchEffects::writes).isPresent();
    }

    private static boolean writes(AliasInfo info) {
        return info.isWrite() || info.containedTypes().stream().anyMatch(TorchEffects::writes);
    }

    static List<Effect> print(Operation op) {
        return List.of(Effect.on(Kind.WRITE, OUTPUT));
    }

    static List<Effect> raise(Operation op) {
        return List.of(Effect.on(Kind.WRITE, CONTROL));
    }

    static List<Effect> readsOperand(Operation op) {
        return List.of(Effect.read(op.operand(0)));
    }

    static List<Effect> writesOperand(Operation op) {
        return List.of(Effect.write(op.operand(0)));
    }

    static List<Effect> allocatesResult(Operation op) {
        return List.of(Effect.allocate(op.result(0)));
    }
}
