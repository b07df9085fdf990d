package kiln.dialects.torch.types;

/**
 * The types known by a qualified name alone (c10's {@code NamedType} classes, interfaces and enums): two are the
 * same type exactly when their names are.
 */
public sealed interface NominalType extends TorchType permits ClassType, InterfaceType, EnumType {

    /** The fully qualified name: {@code __torch__.corpus_public.LinearLayer}. */
    String qualifiedName();

    /** The last component of the qualified name: {@code LinearLayer}. */
    default String baseName() {
        return qualifiedName().substring(qualifiedName().lastIndexOf('.') + 1);
    }
}
