package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kiln.dialects.ir.text.OpFormat;

/**
 * The declaration of an op: its text name, operand/result/region counts, attributes, traits, the op interfaces it
 * implements and any extra verification. A dialect is a list of these; the verifier, parser, printer, builder,
 * folder and analyses derive what they do from them.
 *
 * @param openAttributes whether attributes beyond {@link #attributes()} are allowed
 * @param traits         the traits every op of this kind has
 * @param dynamicTraits  traits that depend on the op (for open ops whose overload decides), or {@link
 *                       DynamicTraits#NONE}
 * @param interfaces     the op interfaces implemented, by interface class ({@link MemoryEffects}, {@link Folder},
 *                       {@link OpFormat}, ...)
 */
public record OpDef(String name, String summary, Arity operands, Arity results, Arity regions,
                    List<AttrSpec> attributes, boolean openAttributes, Set<Trait> traits, DynamicTraits dynamicTraits,
                    Map<Class<?>, Object> interfaces, OpVerifier verifier) {

    public OpDef {
        Objects.requireNonNull(name);
        attributes = List.copyOf(attributes);
        traits = Collections.unmodifiableSet(new LinkedHashSet<>(traits));
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        for (Map.Entry<Class<?>, Object> e : interfaces.entrySet()) {
            if (!e.getKey().isInstance(e.getValue())) {
                throw new IllegalArgumentException(name + ": " + e.getValue() + " does not implement " + e.getKey());
            }
        }
    }

    public static Builder define(String name) {
        return new Builder(name);
    }

    /**
     * The declaration given to an op no registered dialect knows, when unregistered ops are allowed (mlir-opt's
     * {@code --allow-unregistered-dialect}): any operands, results, regions and attributes, no checks, unknown
     * effects.
     */
    public static OpDef unregistered(String opName) {
        return define(opName).summary("an op no registered dialect declares, accepted unchecked")
                .operands(Arity.ANY).results(Arity.ANY).regions(Arity.ANY).openAttributes()
                .traits(UNREGISTERED).build();
    }

    /** Marks the declarations made by {@link #unregistered}. */
    public static final Trait UNREGISTERED = Trait.named("unregistered");

    /** Whether every op of this kind has {@code trait} (see {@link Operation#has} for traits that vary per op). */
    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    public boolean isUnregistered() {
        return traits.contains(UNREGISTERED);
    }

    /** The implementation of op interface {@code type}, if this op implements it. */
    public <I> Optional<I> getInterface(Class<I> type) {
        return Optional.ofNullable(interfaces.get(type)).map(type::cast);
    }

    public Optional<AttrSpec> attribute(String attrName) {
        return attributes.stream().filter(a -> a.name().equals(attrName)).findFirst();
    }

    /** The namespace of the op's name: {@code aten} for {@code aten::add}, {@code loops} for {@code loops.for}. */
    public String namespace() {
        return DialectRegistry.namespaceOf(name);
    }

    /** Traits that an op of an open kind has or not depending on the op itself (its operand types, its overload). */
    @FunctionalInterface
    public interface DynamicTraits {
        DynamicTraits NONE = (op, trait) -> false;

        boolean has(Operation op, Trait trait);
    }

    /** Fluent construction of an {@link OpDef}, so that a dialect's declarations read one op per statement. */
    public static final class Builder {
        private final String name;
        private String summary = "";
        private Arity operands = Arity.ANY;
        private Arity results = Arity.ANY;
        private Arity regions = Arity.exactly(0);
        private final List<AttrSpec> attributes = new ArrayList<>();
        private boolean openAttributes;
        private final Set<Trait> traits = new LinkedHashSet<>();
        private DynamicTraits dynamicTraits = DynamicTraits.NONE;
        private final Map<Class<?>, Object> interfaces = new LinkedHashMap<>();
        private OpVerifier verifier = OpVerifier.NONE;

        private Builder(String name) {
            this.name = name;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder operands(Arity arity) {
            this.operands = arity;
            return this;
        }

        public Builder operands(int exactly) {
            return operands(Arity.exactly(exactly));
        }

        public Builder results(Arity arity) {
            this.results = arity;
            return this;
        }

        public Builder results(int exactly) {
            return results(Arity.exactly(exactly));
        }

        public Builder regions(Arity arity) {
            this.regions = arity;
            return this;
        }

        public Builder regions(int exactly) {
            return regions(Arity.exactly(exactly));
        }

        public Builder attribute(AttrSpec spec) {
            attributes.add(spec);
            return this;
        }

        public Builder openAttributes() {
            this.openAttributes = true;
            return this;
        }

        public Builder traits(Trait... more) {
            traits.addAll(List.of(more));
            return this;
        }

        public Builder dynamicTraits(DynamicTraits provider) {
            this.dynamicTraits = Objects.requireNonNull(provider);
            return this;
        }

        /** Declares that ops of this kind implement op interface {@code type} with {@code implementation}. */
        public <I> Builder implement(Class<I> type, I implementation) {
            interfaces.put(type, Objects.requireNonNull(implementation));
            return this;
        }

        /** The op's fold hook ({@link Folder}). */
        public Builder folder(Folder folder) {
            return implement(Folder.class, folder);
        }

        /** The op's custom assembly ({@link OpFormat}). */
        public Builder format(OpFormat format) {
            return implement(OpFormat.class, format);
        }

        /** The op's memory effects ({@link MemoryEffects}). */
        public Builder effects(MemoryEffects effects) {
            return implement(MemoryEffects.class, effects);
        }

        public Builder verifier(OpVerifier v) {
            this.verifier = v;
            return this;
        }

        public OpDef build() {
            return new OpDef(name, summary, operands, results, regions, attributes, openAttributes, traits,
                    dynamicTraits, interfaces, verifier);
        }
    }
}
