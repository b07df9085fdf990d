package kiln.cli.run;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.frontend.emit.ScriptCompiler;
import kiln.frontend.emit.ScriptUnit;
import kiln.runtime.interp.Interpreter;

/**
 * Arguments given on the command line as TorchScript expressions ({@code 3}, {@code [1, 2]}, {@code 'text'},
 * {@code torch.ones(1, 3, 224, 224)}, {@code torch.arange(6.).view(2, 3)}): each is compiled as the body of a
 * function of no arguments and run on the reference interpreter. TorchScript can neither read files nor run
 * anything but its operators, so an expression can do no harm.
 */
public final class ArgumentExpressions {
    private ArgumentExpressions() {
    }

    /** The value of each expression, in order; a compile error names the argument ({@code --arg 2:1:5}). */
    public static List<Object> evaluate(List<String> expressions) {
        List<Object> values = new ArrayList<>(expressions.size());
        OperatorRegistry schemas = OperatorRegistry.standard();
        Interpreter interpreter = Interpreter.builder().output(new StringBuilder()).build();
        for (int i = 0; i < expressions.size(); i++) {
            String expr = expressions.get(i);
            if (expr.contains("\n")) {
                throw new IllegalArgumentException("--arg " + (i + 1) + ": an argument is one expression on one line");
            }
            String source = "def __kiln_arg__():\n    return " + expr + "\n";
            Graph g = new ScriptCompiler(ScriptUnit.fromSource(source, "--arg " + (i + 1), "__torch__"), schemas)
                    .inlinedFunction("__torch__.__kiln_arg__");
            values.add(interpreter.run(g, List.of()).getFirst());
        }
        return values;
    }
}
