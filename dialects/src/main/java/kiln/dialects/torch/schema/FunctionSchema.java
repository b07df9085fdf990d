package kiln.dialects.torch.schema;

import java.util.List;
import java.util.Objects;

/**
 * c10's {@code FunctionSchema}: an operator overload's signature, e.g.
 * {@code aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor}. {@link SchemaParser} reads
 * it and {@link #toString()} prints it back exactly as PyTorch's {@code str(schema)} does.
 *
 * @param name         the qualified operator name, {@code aten::add}
 * @param overloadName the overload name, {@code Tensor}; empty for the default overload
 * @param arguments    the arguments; those after {@code *} are {@linkplain Argument#kwargOnly() keyword-only}
 * @param returns      the returns, possibly named ({@code (Tensor values, Tensor indices)})
 * @param isVararg     whether any number of further arguments may follow ({@code ...})
 * @param isVarret     whether any number of further results may follow ({@code -> ...})
 */
public record FunctionSchema(String name, String overloadName, List<Argument> arguments, List<Argument> returns,
                             boolean isVararg, boolean isVarret) {

    public FunctionSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(overloadName, "overloadName");
        arguments = List.copyOf(arguments);
        returns = List.copyOf(returns);
    }

    /** The namespace: {@code aten} for {@code aten::add}. */
    public String namespace() {
        int sep = name.indexOf("::");
        return sep < 0 ? "" : name.substring(0, sep);
    }

    /** The name with its overload: {@code aten::add.Tensor}, or just {@code aten::add} for the default one. */
    public String overloadedName() {
        return overloadName.isEmpty() ? name : name + "." + overloadName;
    }

    /** The index of the argument called {@code argName}, or -1. */
    public int argumentIndex(String argName) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).name().equals(argName)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether some argument is keyword-only (follows {@code *}). */
    public boolean hasKwargOnly() {
        return arguments.stream().anyMatch(Argument::kwargOnly);
    }

    /** Whether the operator writes to one of its arguments ({@code Tensor(a!)}). */
    public boolean isMutable() {
        return arguments.stream().anyMatch(Argument::isWrite);
    }

    /** c10's {@code operator<<(FunctionSchema)}, which is what {@code str(schema)} returns. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(overloadedName()).append('(');
        boolean seenKwargOnly = false;
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (arguments.get(i).kwargOnly() && !seenKwargOnly) {
                out.append("*, ");
                seenKwargOnly = true;
            }
            out.append(arguments.get(i));
        }
        if (isVararg) {
            out.append(arguments.isEmpty() ? "..." : ", ...");
        }
        out.append(") -> ");
        // c10 drops the parentheses around one plain return, and around a lone "...", but keeps them when the
        // one return's text starts with '(' (a tuple), which would otherwise read back as several returns.
        boolean single = returns.size() == 1 && !isVarret;
        boolean parens = !(single || (returns.isEmpty() && isVarret))
                || (single && returns.getFirst().toString().startsWith("("));
        if (parens) {
            out.append('(');
        }
        for (int i = 0; i < returns.size(); i++) {
            out.append(i > 0 ? ", " : "").append(returns.get(i));
        }
        if (isVarret) {
            out.append(returns.isEmpty() ? "..." : ", ...");
        }
        if (parens) {
            out.append(')');
        }
        return out.toString();
    }
}
