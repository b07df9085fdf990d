package kiln.dialects.ir;

import java.util.List;
import java.util.stream.Collectors;

/** A builtin function type {@code (i32, f32) -> i64}; several results are parenthesized. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
    public FunctionType {
        inputs = List.copyOf(inputs);
        results = List.copyOf(results);
    }

    @Override
    public String asm() {
        return toString();
    }

    @Override
    public String toString() {
        String in = inputs.stream().map(Type::asm).collect(Collectors.joining(", ", "(", ")"));
        String out = results.size() == 1 && !(results.getFirst() instanceof FunctionType)
                ? results.getFirst().asm()
                : results.stream().map(Type::asm).collect(Collectors.joining(", ", "(", ")"));
        return in + " -> " + out;
    }
}
