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

    private static final java.util.regex.Pattern BROADCASTING_LIST =
            java.util.regex.Pattern.compile("\\bBroadcastingList([1-9])\\[");

    /**
     * The N of {@code BroadcastingListN[T]} (alone or in {@code Optional[...]}): the annotation TorchScript reads as
     * {@code List[T]} whose argument also accepts one T, repeated N times ({@code int[2]} in a schema).
     */
    java.util.OptionalInt broadcastSize(Expr annotation) {
        java.util.regex.Matcher m = BROADCASTING_LIST.matcher(annotation.range().text());
        return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
    }

    TorchType resolve(Expr annotation) {
        String text = BROADCASTING_LIST.matcher(annotation.range().text().strip()).replaceAll("List[");
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
