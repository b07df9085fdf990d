package kiln.dialects.torch.schema;

/**
 * An operator overload's name split as PyTorch writes it: {@code aten::add.Tensor} is operator {@code aten::add},
 * overload {@code Tensor}; {@code aten::relu} is the default overload ({@code ""}).
 *
 * @param operator the qualified operator name
 * @param overload the overload name, empty for the default overload
 */
public record OverloadedName(String operator, String overload) {
    /** Splits {@code aten::add.Tensor} at the first dot after the namespace. */
    public static OverloadedName parse(String overloadedName) {
        int colons = overloadedName.indexOf("::");
        int dot = overloadedName.indexOf('.', colons < 0 ? 0 : colons + 2);
        return dot < 0 ? new OverloadedName(overloadedName, "")
                : new OverloadedName(overloadedName.substring(0, dot), overloadedName.substring(dot + 1));
    }
}
