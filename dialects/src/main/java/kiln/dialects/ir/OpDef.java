package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The declaration of an op: its text name, operand/result/region counts, attributes, traits and any extra
 * verification. A dialect is a list of these; the verifier, parser and builder derive their checks from them.
 *
 * @param openAttributes whether attributes beyond {@link #attributes()} are allowed
 */
public record OpDef(String name, String summary, Arity operands, Arity results, Arity regions,
                    List<AttrSpec> attributes, boolean openAttributes, Set<Trait> traits, OpVerifier verifier) {

    public OpDef {
        Objects.requireNonNull(name);
        attributes = List.copyOf(attributes);
        traits = traits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(traits));
    }

    public static Builder define(String name) {
        return new Builder(name);
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    public Optional<AttrSpec> attribute(String attrName) {
        return attributes.stream().filter(a -> a.name().equals(attrName)).findFirst();
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
        private final Set<Trait> traits = EnumSet.noneOf(Trait.class);
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

        public Builder verifier(OpVerifier v) {
            this.verifier = v;
            return this;
        }

        public OpDef build() {
            return new OpDef(name, summary, operands, results, regions, attributes, openAttributes, traits, verifier);
        }
    }
}
