package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered collection of {@link Rule}s (tinygrad's {@code PatternMatcher}), combined with {@link #plus} and
 * indexed by root op name, so that a driver tries only the rules that can match an op. Rule names are unique.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final Map<String, List<Rule>> byRoot = new LinkedHashMap<>();

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (Rule r : this.rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two rules are named '" + r.name() + "'");
            }
            byRoot.computeIfAbsent(r.root().name(), k -> new ArrayList<>()).add(r);
        }
        byRoot.values().forEach(list -> list.sort(Comparator.comparingInt((Rule r) -> r.benefit()).reversed()));
    }

    public static RuleSet of(Rule... rules) {
        return new RuleSet(List.of(rules));
    }

    /** These rules, then {@code other}'s. */
    public RuleSet plus(RuleSet other) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new RuleSet(all);
    }

    public RuleSet plus(Rule... more) {
        return plus(of(more));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules rooted at ops named {@code opName}, highest benefit first. */
    public List<Rule> forRoot(String opName) {
        return byRoot.getOrDefault(opName, List.of());
    }

    /** The rules as patterns for the rewrite drivers (named as the rules). */
    public List<RewritePattern> patterns() {
        return rules.stream().map(Rule::pattern).toList();
    }
}
