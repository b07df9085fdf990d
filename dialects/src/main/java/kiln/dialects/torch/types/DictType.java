package kiln.dialects.torch.types;

import java.util.List;
import java.util.Objects;

/**
 * c10's {@code DictType}: {@code Dict(str, Tensor)}, annotated {@code Dict[str, Tensor]}. As in c10, keys
 * may only be Any, int, bool, float, complex, str, Tensor or Device.
 */
public record DictType(TorchType keyType, TorchType valueType) implements TorchType {

    public DictType {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        if (!isValidKey(keyType)) {
            throw new IllegalArgumentException("Cannot create dict for key type '" + keyType.str()
                    + "', only int, float, complex, Tensor, device and string keys are supported");
        }
    }

    public static DictType of(TorchType keyType, TorchType valueType) {
        return new DictType(keyType, valueType);
    }

    /** Whether c10 accepts {@code type} as a dict key. */
    public static boolean isValidKey(TorchType type) {
        return switch (type.kind()) {
            case AnyType, IntType, BoolType, FloatType, ComplexType, StringType, TensorType, DeviceObjType -> true;
            default -> false;
        };
    }

    @Override
    public TypeKind kind() {
        return TypeKind.DictType;
    }

    @Override
    public List<TorchType> containedTypes() {
        return List.of(keyType, valueType);
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
