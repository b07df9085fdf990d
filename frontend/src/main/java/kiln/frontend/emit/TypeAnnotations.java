package kiln.frontend.emit;

import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TorchTypeParser;
import kiln.dialects.torch.types.TypeParseException;
import kiln.frontend.script.Expr;

/** Type annotations (expressions such as {@code List[int]} or {@code Optional[Tensor]}) as TorchScript types. */
final class TypeAnnotations {
    private final ScriptUnit unit;

    TypeAnnotations(ScriptUnit unit) {
        this.unit = unit;
    }

    TorchType resolve(Expr annotation) {
        String text = annotation.range().text().strip();
        if (annotation instanceof Expr.Name n && unit.qualify(n.id()).isPresent()
                && unit.classNamed(unit.qualify(n.id()).get()).isPresent()) {
            return ClassType.of(unit.qualify(n.id()).get());
        }
        try {
            return TorchTypeParser.parse(text);
        } catch (TypeParseException e) {
            throw new CompileError(annotation.range(), "unknown type annotation '" + text + "': " + e.reason());
        }
    }
}
