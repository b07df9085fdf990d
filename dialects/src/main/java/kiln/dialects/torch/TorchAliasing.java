package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Aliasing;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.schema.AliasInfo;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.Overloads;

/**
 * The aliasing of torch operator ops, from the alias annotations of the overload the op calls (PyTorch's alias
 * analysis reads the same ones): an argument without annotation is only read; one annotated {@code Tensor(a)},
 * {@code Tensor(a!)} or {@code Tensor(a -> *)} may be referred to by each result in one of its sets (or holding
 * elements in one, as {@code chunk}'s {@code Tensor(a)[]}) and by each wildcard result; an argument already in the
 * wildcard set, or one that goes there with no result to follow it ({@code append}'s element), escapes. A result
 * without annotation is fresh. An op whose overload cannot be told lets everything escape.
 */
final class TorchAliasing implements Aliasing {
    static final TorchAliasing INSTANCE = new TorchAliasing();

    private TorchAliasing() {
    }

    @Override
    public Optional<List<OpResult>> aliasesOf(Operation op, int operand) {
        Optional<FunctionSchema> schema = Overloads.standard().resolve(op);
        if (schema.isEmpty() || operand >= schema.get().arguments().size()) {
            return Optional.empty();
        }
        Argument arg = schema.get().arguments().get(operand);
        if (arg.aliasInfo().isEmpty()) {
            return Optional.of(List.of());
        }
        AliasInfo info = arg.aliasInfo().get();
        if (info.isWildcardBefore()) {
            return Optional.empty();
        }
        List<Argument> returns = schema.get().returns();
        List<OpResult> aliases = new ArrayList<>();
        for (int i = 0; i < op.numResults(); i++) {
            if (i < returns.size() && returns.get(i).aliasInfo().filter(r -> shares(r, info.beforeSets())).isPresent()) {
                aliases.add(op.result(i));
            }
        }
        return aliases.isEmpty() && info.isWildcardAfter() ? Optional.empty() : Optional.of(aliases);
    }

    @Override
    public boolean isFresh(Operation op, int result) {
        Optional<FunctionSchema> schema = Overloads.standard().resolve(op);
        return schema.isPresent() && result < schema.get().returns().size()
                && schema.get().returns().get(result).aliasInfo().isEmpty();
    }

    /** Whether a return is in one of {@code sets}, holds elements in one, or is in the wildcard set. */
    private static boolean shares(AliasInfo ret, List<String> sets) {
        if (ret.isWildcardBefore() || ret.beforeSets().stream().anyMatch(sets::contains)) {
            return true;
        }
        return ret.containedTypes().stream().anyMatch(c -> shares(c, sets));
    }
}
