package kiln.dialects.torch.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * c10's {@code VaryingShape}: per-dimension values (sizes or strides) that may be unknown, under a rank that
 * may itself be unknown ({@link #UNRANKED}).
 */
public record VaryingShape(Optional<List<OptionalLong>> dims) {
    public static final VaryingShape UNRANKED = new VaryingShape(Optional.empty());

    public VaryingShape {
        Objects.requireNonNull(dims, "dims");
        dims = dims.map(List::copyOf);
    }

    /** Known rank, every dimension unknown. */
    public static VaryingShape ofRank(int rank) {
        return new VaryingShape(Optional.of(Collections.nCopies(rank, OptionalLong.empty())));
    }

    /** Every dimension known. */
    public static VaryingShape of(long... values) {
        List<OptionalLong> dims = new ArrayList<>(values.length);
        for (long v : values) {
            dims.add(OptionalLong.of(v));
        }
        return new VaryingShape(Optional.of(dims));
    }

    /** Known rank; a {@code null} entry is an unknown dimension. */
    public static VaryingShape ofNullable(List<Long> values) {
        List<OptionalLong> dims = new ArrayList<>(values.size());
        for (Long v : values) {
            dims.add(v == null ? OptionalLong.empty() : OptionalLong.of(v));
        }
        return new VaryingShape(Optional.of(dims));
    }

    public OptionalInt rank() {
        return dims.map(d -> OptionalInt.of(d.size())).orElse(OptionalInt.empty());
    }

    /** Dimension {@code i}; the rank must be known. */
    public OptionalLong get(int i) {
        return dims.orElseThrow(() -> new IllegalStateException("Rank isn't fixed")).get(i);
    }

    /** Rank and every dimension known. */
    public boolean isComplete() {
        return dims.isPresent() && dims.get().stream().allMatch(OptionalLong::isPresent);
    }

    /** The values when complete. */
    public Optional<long[]> concrete() {
        if (!isComplete()) {
            return Optional.empty();
        }
        return Optional.of(dims.get().stream().mapToLong(OptionalLong::getAsLong).toArray());
    }

    /** c10's {@code merge}: equal known dimensions survive; differing ranks give {@link #UNRANKED}. */
    public VaryingShape merge(VaryingShape other) {
        if (dims.isEmpty() || other.dims.isEmpty() || dims.get().size() != other.dims.get().size()) {
            return UNRANKED;
        }
        List<OptionalLong> merged = new ArrayList<>();
        for (int i = 0; i < dims.get().size(); i++) {
            OptionalLong a = dims.get().get(i);
            OptionalLong b = other.dims.get().get(i);
            merged.add(a.isPresent() && a.equals(b) ? a : OptionalLong.empty());
        }
        return new VaryingShape(Optional.of(merged));
    }
}
