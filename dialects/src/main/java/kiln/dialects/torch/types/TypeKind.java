package kiln.dialects.torch.types;

/**
 * c10's {@code TypeKind}, in c10's declaration order ({@code C10_FORALL_TYPES} in jit_type_base.h). The order
 * matters: {@link UnionType} sorts its members by kind ordinal, then by {@link TorchType#str()}.
 */
public enum TypeKind {
    AnyType,
    EnumType,
    AnyEnumType,
    TensorType,
    StorageType,
    TupleType,
    ListType,
    DictType,
    NumberType,
    FloatType,
    ComplexType,
    FutureType,
    AwaitType,
    RRefType,
    IntType,
    NoneType,
    StringType,
    GeneratorType,
    QuantizerType,
    BoolType,
    OptionalType,
    VarType,
    DeviceObjType,
    StreamObjType,
    FunctionType,
    ClassType,
    PyObjectType,
    CapsuleType,
    InterfaceType,
    QSchemeType,
    ScalarTypeType,
    LayoutType,
    MemoryFormatType,
    AnyListType,
    AnyTupleType,
    AnyClassType,
    SymIntType,
    SymFloatType,
    SymBoolType,
    UnionType,
    DynamicType
}
