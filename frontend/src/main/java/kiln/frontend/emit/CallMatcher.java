package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.DefaultValue;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.script.SourceRange;

/**
 * Matches a call's positional and keyword arguments against a schema's, as TorchScript does
 * (torch/csrc/jit/frontend/schema_matching.cpp): keyword arguments by name, defaults for the rest, a single int
 * for an {@code int[N]}, a tuple for a list, and — only when no overload matches without them — implicit
 * conversions (tensor to number via {@code aten::IntImplicit}/{@code FloatImplicit}/{@code ScalarImplicit},
 * bool or number to int/float, str to Device). Among overloads that match, the one needing the fewest
 * conversions, then the most specific, wins.
 * Matching is checked first and emitted after, so failed attempts leave nothing in the graph.
 */
final class CallMatcher {
    /** What the matcher asks of the emitter. */
    interface Emit {
        Value constant(DefaultValue v, TorchType type);

        Value op(String name, List<Value> operands, TorchType result);

        Value list(TorchType elementType, List<Value> elements);

        List<Value> unpackTuple(Value tuple);
    }

    /** How one formal argument gets its value. */
    private sealed interface Plan {
        record Direct(Value v) implements Plan {
        }

        record Default(DefaultValue d, TorchType type) implements Plan {
        }

        record IntBroadcast(Value v, int n) implements Plan {
        }

        record DefaultBroadcast(DefaultValue d, TorchType elementType, int n) implements Plan {
        }

        record TupleToList(Value v, TorchType elementType) implements Plan {
        }

        record Implicit(Value v, String op, TorchType type) implements Plan {
        }

        record VarargsList(List<Value> values, TorchType elementType) implements Plan {
        }
    }

    /** A successful match: the inputs to pass, and the result types. */
    record Matched(FunctionSchema schema, List<Value> inputs, List<TorchType> returns) {
    }

    private record Candidate(FunctionSchema schema, List<Plan> plans, List<TorchType> returns) {
    }

    private CallMatcher() {
    }

    static Matched match(String callee, List<FunctionSchema> overloads, List<Value> args, Map<String, Value> kwargs,
                         Emit emit, SourceRange where) {
        List<String> failures = new ArrayList<>();
        for (boolean conversions : new boolean[] {false, true}) {
            Candidate best = null;
            failures.clear();
            for (FunctionSchema s : overloads) {
                String[] why = new String[1];
                Candidate c = check(s, args, kwargs, conversions, why);
                if (c == null) {
                    failures.add("  " + s + ":\n    " + why[0]);
                } else if (best == null || conversions(c) < conversions(best)
                        || (conversions(c) == conversions(best) && moreSpecific(c.schema, best.schema))) {
                    best = c;
                }
            }
            if (best != null) {
                List<Value> inputs = new ArrayList<>();
                for (int i = 0; i < best.plans.size(); i++) {
                    inputs.add(materialize(best.plans.get(i), emit));
                }
                return new Matched(best.schema, inputs, best.returns);
            }
        }
        if (overloads.size() == 1) {
            throw new CompileError(where, failures.getFirst().strip().replaceFirst("^.*:\\n\\s*", "")
                    + " (calling " + overloads.getFirst() + ")");
        }
        throw new CompileError(where, "arguments for call to '" + callee + "' are not valid; candidates:\n"
                + String.join("\n", failures));
    }

    /** How many implicit conversions a candidate needs: among overloads that match, fewer is better. */
    private static long conversions(Candidate c) {
        return c.plans.stream().filter(p -> p instanceof Plan.Implicit).count();
    }

    /** {@code a} is more specific than {@code b} when each of its formals is a subtype of b's. */
    private static boolean moreSpecific(FunctionSchema a, FunctionSchema b) {
        if (a.arguments().size() != b.arguments().size()) {
            return false;
        }
        for (int i = 0; i < a.arguments().size(); i++) {
            if (!a.arguments().get(i).type().isSubtypeOf(b.arguments().get(i).type())) {
                return false;
            }
        }
        return !a.equals(b);
    }

    private static Candidate check(FunctionSchema s, List<Value> args, Map<String, Value> kwargs,
                                   boolean conversions, String[] why) {
        List<Argument> formals = s.arguments();
        Map<String, Value> kw = new LinkedHashMap<>(kwargs);
        long positionalFormals = formals.stream().filter(a -> !a.kwargOnly()).count();
        int varargsAt = conversions ? varargsListIndex(s, args) : -1;
        if (args.size() > positionalFormals && !s.isVararg() && varargsAt < 0) {
            why[0] = "expected at most " + positionalFormals + " positional argument(s) but found " + args.size();
            return null;
        }
        Map<String, TorchType> env = new HashMap<>();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < formals.size(); i++) {
            Argument f = formals.get(i);
            Value v;
            if (i == varargsAt) {
                TorchType elem = ((ListType) f.type()).elementType();
                List<Value> rest = args.subList(i, args.size());
                if (rest.stream().anyMatch(x -> !x.type().isSubtypeOf(elem))) {
                    why[0] = "the remaining arguments are not all of type '" + elem.annotationString() + "'";
                    return null;
                }
                plans.add(new Plan.VarargsList(List.copyOf(rest), elem));
                continue;
            }
            if (i < args.size() && !f.kwargOnly()) {
                v = args.get(i);
                if (kw.containsKey(f.name())) {
                    why[0] = "argument '" + f.name() + "' given positionally and by keyword";
                    return null;
                }
            } else if (kw.containsKey(f.name())) {
                v = kw.remove(f.name());
            } else if (f.defaultValue().isPresent()) {
                plans.add(defaultPlan(f));
                continue;
            } else {
                why[0] = "argument '" + f.name() + "' not provided";
                return null;
            }
            Plan p = convert(f, v, conversions, env);
            if (p == null) {
                why[0] = "expected a value of type '" + f.type().annotationString() + "' for argument '" + f.name()
                        + "' but instead found type '" + ((TorchType) v.type()).annotationString() + "'";
                return null;
            }
            plans.add(p);
        }
        if (s.isVararg() && varargsAt < 0) {
            for (int i = (int) positionalFormals; i < args.size(); i++) {
                plans.add(new Plan.Direct(args.get(i)));
            }
        }
        if (!kw.isEmpty()) {
            why[0] = "keyword argument '" + kw.keySet().iterator().next() + "' unknown";
            return null;
        }
        List<TorchType> returns = new ArrayList<>();
        for (Argument r : s.returns()) {
            Optional<TorchType> t = TypeVars.substitute(r.type(), env);
            if (t.isEmpty()) {
                why[0] = "could not infer the type of result '" + r.type().annotationString() + "'";
                return null;
            }
            returns.add(t.get());
        }
        return new Candidate(s, plans, returns);
    }

    /**
     * A formal's default. A script function's {@code BroadcastingList2[int]} argument may default to one int, which
     * is repeated into the list as a passed int would be (a builtin's {@code int[2]=0} default is already a list).
     */
    private static Plan defaultPlan(Argument f) {
        DefaultValue d = f.defaultValue().orElseThrow();
        TorchType unwrapped = f.type() instanceof OptionalType o ? o.elementType() : f.type();
        boolean scalar = d instanceof DefaultValue.IntValue || d instanceof DefaultValue.FloatValue
                || d instanceof DefaultValue.BoolValue;
        if (scalar && f.size().isPresent() && unwrapped instanceof ListType list) {
            return new Plan.DefaultBroadcast(d, list.elementType(), f.size().getAsInt());
        }
        return new Plan.Default(d, f.type());
    }

    /**
     * Where the remaining positional arguments may be packed into the schema's last positional list argument
     * ({@code torch.meshgrid(x, y)} for {@code Tensor[] tensors}), as TorchScript's varargsCanBeUsedAsList allows;
     * -1 when not.
     */
    private static int varargsListIndex(FunctionSchema s, List<Value> args) {
        List<Argument> formals = s.arguments();
        for (int i = 0; i < formals.size() && i < args.size(); i++) {
            Argument f = formals.get(i);
            if (f.kwargOnly()) {
                return -1;
            }
            boolean last = i + 1 == formals.size() || formals.get(i + 1).kwargOnly();
            if (last && f.type() instanceof ListType l && f.size().isEmpty() && !TypeVars.hasVars(l)
                    && !(args.get(i).type() instanceof ListType) && !(args.get(i).type() instanceof TupleType)) {
                return i;
            }
        }
        return -1;
    }

    private static Plan convert(Argument f, Value v, boolean conversions, Map<String, TorchType> env) {
        TorchType actual = (TorchType) v.type();
        TorchType formal = f.type();
        TorchType concrete = TypeVars.hasVars(formal) ? null : formal;
        if (concrete == null) {
            if (!TypeVars.match(formal, actual, env)) {
                return null;
            }
            concrete = TypeVars.substitute(formal, env).orElse(null);
            if (concrete == null) {
                return null;
            }
        }
        TorchType unwrapped = concrete instanceof OptionalType o ? o.elementType() : concrete;
        if (unwrapped instanceof ListType list && f.size().isPresent() && actual == list.elementType()
                && (actual == LeafType.INT || actual == LeafType.FLOAT || actual == LeafType.BOOL)) {
            return new Plan.IntBroadcast(v, f.size().getAsInt());
        }
        if (unwrapped instanceof ListType list && actual instanceof TupleType tu
                && tu.elements().stream().allMatch(e -> e.isSubtypeOf(list.elementType()))) {
            return new Plan.TupleToList(v, list.elementType());
        }
        if (actual.isSubtypeOf(concrete)) {
            return new Plan.Direct(v);
        }
        if (!conversions) {
            return null;
        }
        // as TorchScript does, a conversion to Optional[T] is a conversion to T
        TorchType target = unwrapped;
        boolean isTensor = actual.isSubtypeOf(TensorType.TENSOR);
        if (isTensor) {
            return switch (target) {
                case LeafType l when l == LeafType.FLOAT -> new Plan.Implicit(v, "aten::FloatImplicit", l);
                case LeafType l when l == LeafType.INT -> new Plan.Implicit(v, "aten::IntImplicit", l);
                case LeafType l when l == LeafType.NUMBER -> new Plan.Implicit(v, "aten::ScalarImplicit", l);
                case LeafType l when l == LeafType.COMPLEX -> new Plan.Implicit(v, "aten::ComplexImplicit", l);
                default -> null;
            };
        }
        if (actual == LeafType.NUMBER || actual == LeafType.BOOL) {
            if (target == LeafType.FLOAT) {
                return new Plan.Implicit(v, "aten::Float", LeafType.FLOAT);
            }
            if (target == LeafType.INT || (actual == LeafType.BOOL && target == LeafType.NUMBER)) {
                return new Plan.Implicit(v, "aten::Int", LeafType.INT);
            }
        }
        if (actual == LeafType.STR && target == LeafType.DEVICE) {
            return new Plan.Implicit(v, "aten::device", LeafType.DEVICE);
        }
        return null;
    }

    private static Value materialize(Plan p, Emit emit) {
        return switch (p) {
            case Plan.Direct d -> d.v();
            case Plan.Default d -> emit.constant(d.d(), d.type());
            case Plan.IntBroadcast b -> emit.list((TorchType) b.v().type(), java.util.Collections.nCopies(b.n(), b.v()));
            case Plan.DefaultBroadcast b -> emit.list(b.elementType(),
                    java.util.Collections.nCopies(b.n(), emit.constant(b.d(), b.elementType())));
            case Plan.TupleToList t -> emit.list(t.elementType(), emit.unpackTuple(t.v()));
            case Plan.Implicit i -> emit.op(i.op(), List.of(i.v()), i.type());
            case Plan.VarargsList l -> emit.list(l.elementType(), l.values());
        };
    }
}
