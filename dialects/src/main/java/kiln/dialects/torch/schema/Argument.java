package kiln.dialects.torch.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TorchType;

/**
 * c10's {@code Argument}: one argument or return of a {@link FunctionSchema}.
 *
 * <p>Like c10 it keeps two types. {@link #realType()} is what the schema says ({@code ScalarType?},
 * {@code SymInt[]}, {@code Layout}) and is what prints; {@link #type()} is the type TorchScript checks values
 * against, in which {@code ScalarType}, {@code Layout}, {@code MemoryFormat} and the symbolic
 * {@code SymInt}/{@code SymFloat}/{@code SymBool} are the plain {@code int}/{@code float}/{@code bool} that
 * graphs pass for them ({@code int?}, {@code int[]}, {@code int}).
 *
 * @param name         the argument name; empty for an unnamed return
 * @param type         the type values are checked against (c10's "fake" type)
 * @param realType     the type as written (c10's "real" type)
 * @param size         the N of a sized list ({@code int[2]}), which also lets one int stand for the whole list
 * @param defaultValue the default value, for arguments only
 * @param kwargOnly    whether the argument follows {@code *} (keyword-only in TorchScript source; graphs pass
 *                     every argument positionally)
 * @param aliasInfo    the alias annotation ({@code Tensor(a!)}), if any
 */
public record Argument(String name, TorchType type, TorchType realType, OptionalInt size,
                       Optional<DefaultValue> defaultValue, boolean kwargOnly, Optional<AliasInfo> aliasInfo) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(realType, "realType");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(aliasInfo, "aliasInfo");
    }

    /** An argument with no size, default or alias annotation, whose type is both fake and real. */
    public static Argument of(String name, TorchType type) {
        return new Argument(name, type, type, OptionalInt.empty(), Optional.empty(), false, Optional.empty());
    }

    /** Whether the operator writes to this argument ({@code Tensor(a!)}). */
    public boolean isWrite() {
        return aliasInfo.map(AliasInfo::isWrite).orElse(false);
    }

    /**
     * c10's {@code operator<<(Argument)}: the real type with its alias annotation (after the element type of a
     * list, after the whole type otherwise, before a trailing {@code ?}), the name, and {@code =default}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        boolean optional = realType instanceof OptionalType;
        TorchType unwrapped = realType instanceof OptionalType o ? o.elementType() : realType;
        if (unwrapped instanceof ListType list) {
            out.append(list.elementType().str());
            aliasInfo.filter(a -> !a.containedTypes().isEmpty()).ifPresent(a -> out.append(a.containedTypes().getFirst()));
            out.append('[');
            size.ifPresent(out::append);
            out.append(']');
        } else {
            out.append(unwrapped.str());
        }
        aliasInfo.filter(a -> !a.beforeSets().isEmpty()).ifPresent(out::append);
        if (optional) {
            out.append('?');
        }
        if (!name.isEmpty()) {
            out.append(' ').append(name);
        }
        defaultValue.ifPresent(d -> out.append('=').append(printDefault(d)));
        return out.toString();
    }

    /** c10 prints an {@code int[N]} default whose elements are all equal as that one element. */
    private String printDefault(DefaultValue value) {
        if (value instanceof DefaultValue.IntListValue ints && ints.isRepeatedElement()
                && realType instanceof ListType l && l.elementType() == LeafType.INT) {
            return Long.toString(ints.values().getFirst());
        }
        return value.toString();
    }
}
