package kiln.dialects.torch.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * c10's {@code AliasInfo}: which alias sets a schema argument or return belongs to before and after the call,
 * whether the call writes to it, and the alias information of the elements of a container.
 * <ul>
 *   <li>{@code Tensor(a)}: in set {@code a}; {@code Tensor(a!)}: in set {@code a} and written;</li>
 *   <li>{@code Tensor(a -> *)}: in {@code a} before, in the wildcard set after (it may alias anything);</li>
 *   <li>{@code Tensor(b|a)}: in both sets; {@code Tensor(*)}: in the wildcard set;</li>
 *   <li>{@code Tensor(b)[]}: a list whose elements are in {@code b} (the container itself has no sets);
 *       {@code t[](a!)}: a list that is itself in {@code a} and written.</li>
 * </ul>
 * The sets keep the order they were written in, so that a schema prints back as read.
 *
 * @param beforeSets the alias sets before the call; {@link #WILDCARD} is the wildcard set
 * @param afterSets  the alias sets after the call, equal to {@code beforeSets} when no {@code ->} was written
 * @param isWrite    whether the operator writes to the value ({@code !})
 * @param containedTypes alias information of contained elements ({@code Tensor(a)[]})
 */
public record AliasInfo(List<String> beforeSets, List<String> afterSets, boolean isWrite,
                        List<AliasInfo> containedTypes) {
    /** c10's wildcard set, written {@code *}. */
    public static final String WILDCARD = "*";

    public AliasInfo {
        beforeSets = List.copyOf(beforeSets);
        afterSets = List.copyOf(afterSets);
        containedTypes = List.copyOf(containedTypes);
    }

    /** The alias information of a container that has no sets of its own but holds {@code element}. */
    public static AliasInfo containerOf(AliasInfo element, boolean isWrite) {
        return new AliasInfo(List.of(), List.of(), isWrite, List.of(element));
    }

    /** This information with {@code element} added as the alias information of the contained values. */
    public AliasInfo withContained(AliasInfo element) {
        List<AliasInfo> contained = new ArrayList<>(containedTypes);
        contained.add(Objects.requireNonNull(element));
        return new AliasInfo(beforeSets, afterSets, isWrite, contained);
    }

    public boolean isWildcardBefore() {
        return beforeSets.contains(WILDCARD);
    }

    public boolean isWildcardAfter() {
        return afterSets.contains(WILDCARD);
    }

    /** c10's {@code operator<<}: {@code (a)}, {@code (a!)}, {@code (a -> *)}, {@code (b|a)}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("(").append(String.join("|", beforeSets));
        if (isWrite) {
            out.append('!');
        }
        if (!sameSets(beforeSets, afterSets)) {
            out.append(" -> ").append(String.join("|", afterSets));
        }
        return out.append(')').toString();
    }

    /** c10 keeps alias sets in unordered sets, so {@code ->} is printed only when they differ as sets. */
    private static boolean sameSets(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }
}
