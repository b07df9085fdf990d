package kiln.dialects.torch.types;

/**
 * The TorchScript types that carry no parameters, each a c10 singleton ({@code IntType::get()} ...).
 * {@link #NUMBER} is c10's {@code NumberType}, printed {@code Scalar} and annotated {@code number}; int, float
 * and complex are its subtypes.
 */
public enum LeafType implements TorchType {
    ANY(TypeKind.AnyType, "Any"),
    INT(TypeKind.IntType, "int"),
    FLOAT(TypeKind.FloatType, "float"),
    COMPLEX(TypeKind.ComplexType, "complex"),
    BOOL(TypeKind.BoolType, "bool"),
    STR(TypeKind.StringType, "str"),
    NONE(TypeKind.NoneType, "NoneType"),
    NUMBER(TypeKind.NumberType, "Scalar", "number"),
    DEVICE(TypeKind.DeviceObjType, "Device"),
    STREAM(TypeKind.StreamObjType, "Stream"),
    LAYOUT(TypeKind.LayoutType, "Layout"),
    SCALAR_TYPE(TypeKind.ScalarTypeType, "ScalarType"),
    MEMORY_FORMAT(TypeKind.MemoryFormatType, "MemoryFormat"),
    GENERATOR(TypeKind.GeneratorType, "Generator"),
    STORAGE(TypeKind.StorageType, "Storage"),
    CAPSULE(TypeKind.CapsuleType, "Capsule"),
    QSCHEME(TypeKind.QSchemeType, "QScheme"),
    QUANTIZER(TypeKind.QuantizerType, "Quantizer"),
    /** A first-class function value; c10 prints every {@code FunctionType} as {@code Function}. */
    FUNCTION(TypeKind.FunctionType, "Function"),
    PY_OBJECT(TypeKind.PyObjectType, "PyObject"),
    /** c10's {@code AnyListType}: every {@code List[T]} is a subtype. */
    ANY_LIST(TypeKind.AnyListType, "list"),
    /** c10's {@code AnyTupleType}: every tuple is a subtype. */
    ANY_TUPLE(TypeKind.AnyTupleType, "tuple"),
    /** c10's {@code AnyClassType}: every class is a subtype. */
    ANY_CLASS(TypeKind.AnyClassType, "AnyClassType"),
    /** c10's {@code AnyEnumType}: every enum is a subtype. */
    ANY_ENUM(TypeKind.AnyEnumType, "AnyEnumType"),
    SYM_INT(TypeKind.SymIntType, "SymInt", "int"),
    SYM_FLOAT(TypeKind.SymFloatType, "SymFloat", "float"),
    SYM_BOOL(TypeKind.SymBoolType, "SymBool", "bool");

    private final TypeKind kind;
    private final String text;
    private final String annotation;

    LeafType(TypeKind kind, String text) {
        this(kind, text, text);
    }

    LeafType(TypeKind kind, String text, String annotation) {
        this.kind = kind;
        this.text = text;
        this.annotation = annotation;
    }

    @Override
    public TypeKind kind() {
        return kind;
    }

    @Override
    public String str() {
        return text;
    }

    @Override
    public String annotationString() {
        return annotation;
    }

    @Override
    public String toString() {
        return text;
    }
}
