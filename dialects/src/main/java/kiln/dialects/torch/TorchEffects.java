package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.MemoryEffects.Effect;
import kiln.dialects.ir.MemoryEffects.Kind;
import kiln.dialects.ir.MemoryEffects.Resource;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.AliasInfo;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.dialects.torch.schema.Overloads;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TupleType;

/**
 * The memory effects of the torch dialect's ops, as PyTorch's alias analysis and {@code Node::hasSideEffects}
 * (torch/csrc/jit/ir/ir.cpp) see them: printing and warnings write the program's output; raising writes its control
 * state; attribute stores write the object; the operators PyTorch registers with side effects write the state they
 * change. An operator's other effects come from the overload the op calls ({@link Overloads}, as PyTorch asks the
 * node's matched schema: {@code aten::add.out} does not make every {@code aten::add} a write): the op writes the
 * operands that overload writes ({@code Tensor(a!)}: an in-place op its tensor; {@code t[](a!)}: {@code append} its
 * list; {@code Tensor(a!)[]}: the tensors of a list), reads its operands of mutable types and allocates its results
 * of mutable types that the schema does not say alias an argument (a fresh tensor or list: two of them are two
 * objects, so CSE never merges them, and each is dead when unused). When no overload accepts the op's types and some
 * overload writes, or the operator makes an operand share another's storage ({@code set_}), it may do anything.
 * Random sampling reads the generator
 * (an unused draw is dead, as in PyTorch) and is {@link Trait#NONDETERMINISTIC}, so CSE never merges two draws.
 * Constants of mutable types (lists, tensors) are allocations too; the others are pure.
 */
public final class TorchEffects {
    /** What TorchScript's {@code print} and {@code warnings.warn} write. */
    public static final Resource OUTPUT = new Resource("torch.output");
    /** The state an exception changes. */
    public static final Resource CONTROL = new Resource("torch.control");
    /** The default random generator. */
    public static final Resource RNG = new Resource("torch.rng");
    /** What the profiling executor has recorded. */
    public static final Resource PROFILE = new Resource("torch.profile");
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
        Optional<FunctionSchema> called = Overloads.standard().resolve(op);
        List<FunctionSchema> overloads = called.map(List::of)
                .orElseGet(() -> OperatorRegistry.standard().overloads(op.name()));
        if (overloads.isEmpty() || SHARES_STORAGE.contains(name)
                || called.isEmpty() && overloads.stream().anyMatch(TorchEffects::writesAnArgument)) {
            return MemoryEffects.ANYTHING;
        }
        List<Effect> effects = new ArrayList<>();
        if (called.isPresent()) {
            List<Argument> args = called.get().arguments();
            for (int i = 0; i < Math.min(args.size(), op.numOperands()); i++) {
                if (args.get(i).aliasInfo().filter(TorchEffects::writes).isPresent()) {
                    effects.add(Effect.write(op.operand(i)));
                }
            }
        }
        for (Value v : op.operands()) {
            if (!isImmutable(v.type())) {
                effects.add(Effect.read(v));
            }
        }
        for (OpResult r : op.results()) {
            if (!isImmutable(r.type()) && overloads.stream().noneMatch(s -> aliasesAnArgument(s, r.index()))) {
                effects.add(Effect.allocate(r));
            }
        }
        if (RANDOM.contains(name)) {
            effects.add(Effect.on(Kind.READ, RNG));
        }
        return effects;
    }

    private static boolean writesAnArgument(FunctionSchema schema) {
        return schema.arguments().stream().anyMatch(a -> a.aliasInfo().filter(TorchEffects::writes).isPresent());
    }

    /** Whether an argument's annotation writes it or values it holds ({@code Tensor(a!)}, {@code Tensor(a!)[]}). */
    private static boolean writes(AliasInfo info) {
        return info.isWrite() || info.containedTypes().stream().anyMatch(TorchEffects::writes);
    }

    /** Whether return {@code i} of {@code schema} is in an alias set ({@code Tensor(a)}), not a fresh object. */
    private static boolean aliasesAnArgument(FunctionSchema schema, int i) {
        return i >= schema.returns().size()
                || schema.returns().get(i).aliasInfo().map(a -> !a.beforeSets().isEmpty()).orElse(false);
    }

    /**
     * Whether values of type {@code t} cannot change once made (numbers, strings, None, devices, functions and
     * tuples of those): merging two equal ones changes nothing a program can observe.
     */
    public static boolean isImmutable(Type t) {
        return switch (t) {
            case LeafType leaf -> switch (leaf) {
                case INT, FLOAT, BOOL, STR, NONE, DEVICE, FUNCTION, COMPLEX, LAYOUT, SCALAR_TYPE, MEMORY_FORMAT,
                     NUMBER -> true;
                default -> false;
            };
            case OptionalType o -> isImmutable(o.elementType());
            case TupleType tuple -> tuple.elements().stream().allMatch(TorchEffects::isImmutable);
            default -> false;
        };
    }

    /** A constant of a mutable type makes an object (it is pure otherwise: see {@link TorchDialect#CONSTANT}). */
    static List<Effect> constant(Operation op) {
        return List.of(Effect.allocate(op.result(0)));
    }

    /** A profile op reads its operand and records it. */
    static List<Effect> profile(Operation op) {
        return List.of(Effect.read(op.operand(0)), Effect.on(Kind.WRITE, PROFILE));
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
