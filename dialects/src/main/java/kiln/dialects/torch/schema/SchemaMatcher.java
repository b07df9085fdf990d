package kiln.dialects.torch.schema;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Type;
import kiln.dialects.torch.types.Subtyping;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TypeUnifier;

/**
 * Whether an operator overload accepts an op of a graph: c10's {@code Node::matches} (ir.cpp), plus a check of
 * the results. In a graph every argument of the chosen overload is present, in order (keyword-only ones too),
 * with defaults already materialized as constants, and implicit conversions ({@code aten::Int},
 * {@code aten::FloatImplicit}, list construction) already inserted as ops. So an overload accepts the op when
 * <ul>
 *   <li>there is one operand per argument (or more, for a {@code ...} schema), each a subtype of the argument's
 *       type ({@linkplain Argument#type() the fake type}: an {@code int} for {@code ScalarType}, {@code int[]}
 *       for {@code SymInt[2]}) after binding its type variables: refined tensors for {@code Tensor}, None for
 *       any {@code T?}, int and float for {@code Scalar}, one consistent type per variable;</li>
 *   <li>there is one result per return (or more, for {@code -> ...}), each of the return's type once the
 *       variables are bound; tensor refinements are ignored there, since graphs refine what schemas return.</li>
 * </ul>
 */
public final class SchemaMatcher {

    private SchemaMatcher() {}

    /** One overload that does not accept an op, and why. */
    public record Rejection(FunctionSchema schema, String reason) {
        @Override
        public String toString() {
            return schema + ":\n  " + reason;
        }
    }

    /** Why {@code schema} does not accept these operand and result types; empty when it does. */
    public static Optional<String> whyNot(FunctionSchema schema, List<? extends Type> operands,
            List<? extends Type> results) {
        List<Argument> formals = schema.arguments();
        if (operands.size() < formals.size()) {
            return Optional.of("expected " + countOf(formals.size(), "argument") + " but found "
                    + operands.size());
        }
        if (!schema.isVararg() && operands.size() > formals.size()) {
            return Optional.of("expected at most " + countOf(formals.size(), "argument") + " but found "
                    + operands.size());
        }
        TypeBindings bindings = new TypeBindings();
        for (int i = 0; i < formals.size(); i++) {
            Optional<String> why = argument(formals.get(i), operands.get(i), bindings);
            if (why.isPresent()) {
                return why;
            }
        }
        return returns(schema, results, bindings);
    }

    /** Whether {@code schema} accepts these operand and result types. */
    public static boolean accepts(FunctionSchema schema, List<? extends Type> operands, List<? extends Type> results) {
        return whyNot(schema, operands, results).isEmpty();
    }

    /** The overloads among {@code candidates} that accept these operand and result types, in order. */
    public static List<FunctionSchema> accepting(List<FunctionSchema> candidates, List<? extends Type> operands,
            List<? extends Type> results) {
        return candidates.stream().filter(s -> accepts(s, operands, results)).toList();
    }

    /** Each candidate that does not accept these types, with its reason. */
    public static List<Rejection> rejections(List<FunctionSchema> candidates, List<? extends Type> operands,
            List<? extends Type> results) {
        return candidates.stream()
                .flatMap(s -> whyNot(s, operands, results).map(r -> new Rejection(s, r)).stream())
                .toList();
    }

    private static Optional<String> argument(Argument formal, Type operand, TypeBindings bindings) {
        if (!(operand instanceof TorchType actual)) {
            return Optional.of("argument '" + formal.name() + "' is not a TorchScript value: " + operand);
        }
        Optional<String> unbound = bindings.match(formal.type(), actual);
        if (unbound.isPresent()) {
            return unbound.map(why -> "could not match type " + actual + " to " + formal.type().str()
                    + " in argument '" + formal.name() + "': " + why);
        }
        // a variable may stay unbound (None matched to t?); None is still a subtype of the unresolved type
        TorchType expected = bindings.evaluate(formal.type()).orElse(formal.type());
        if (!Subtyping.isSubtype(actual, expected)) {
            return Optional.of("expected a value of type '" + expected.str() + "' for argument '" + formal.name()
                    + "' but instead found type '" + actual + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> returns(FunctionSchema schema, List<? extends Type> results,
            TypeBindings bindings) {
        List<Argument> formals = schema.returns();
        if (schema.isVarret() ? results.size() < formals.size() : results.size() != formals.size()) {
            return Optional.of("returns " + (schema.isVarret() ? "at least " : "") + countOf(formals.size(), "value")
                    + " but the op has " + countOf(results.size(), "result"));
        }
        for (int i = 0; i < formals.size(); i++) {
            Optional<TorchType> expected = bindings.evaluate(formals.get(i).type());
            if (expected.isEmpty()) {
                continue; // a variable no argument bound: nothing to hold the result to
            }
            if (!(results.get(i) instanceof TorchType actual) || !returnAccepts(expected.get(), actual)) {
                return Optional.of("result " + i + " has type " + results.get(i) + " but the schema returns "
                        + expected.get().str());
            }
        }
        return Optional.empty();
    }

    /** A result may refine the tensor types the schema returns, also inside containers. */
    private static boolean returnAccepts(TorchType expected, TorchType actual) {
        return Subtyping.isSubtype(actual, expected)
                || Subtyping.isSubtype(TypeUnifier.unshaped(actual), TypeUnifier.unshaped(expected));
    }

    private static String countOf(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
