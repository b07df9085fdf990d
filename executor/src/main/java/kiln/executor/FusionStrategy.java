package kiln.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many specializations of each kind the executor makes before it stops (PyTorch's {@code FusionStrategy},
 * {@code torch.jit.set_fusion_strategy}): the default {@code [(STATIC, 2), (DYNAMIC, 10)]} makes two specializations
 * for the exact profiled shapes, then ten for shapes of a profiled rank, then runs the unspecialized graph.
 */
public record FusionStrategy(List<Step> steps) {
    /** {@code count} specializations of {@code kind}. */
    public record Step(Specialization.Kind kind, int count) {
        public Step {
            if (count < 0) {
                throw new IllegalArgumentException("a negative number of specializations: " + count);
            }
        }
    }

    public static final FusionStrategy DEFAULT = new FusionStrategy(List.of(
            new Step(Specialization.Kind.STATIC, 2), new Step(Specialization.Kind.DYNAMIC, 10)));

    /** No specialization at all: every call runs the optimized but unspecialized graph. */
    public static final FusionStrategy NONE = new FusionStrategy(List.of());

    public FusionStrategy {
        steps = List.copyOf(steps);
    }

    /** The kind of the specialization made at depth {@code depth} (0 for the first), or empty once they run out. */
    Optional<Specialization.Kind> at(int depth) {
        int d = depth;
        for (Step s : steps) {
            if (d < s.count()) {
                return Optional.of(s.kind());
            }
            d -= s.count();
        }
        return Optional.empty();
    }

    /** Reads {@code STATIC:2,DYNAMIC:10}. */
    public static FusionStrategy parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("fusion strategy: expected KIND:COUNT, got '" + part.strip() + "'");
            }
            try {
                steps.add(new Step(Specialization.Kind.valueOf(kv[0].strip().toUpperCase(java.util.Locale.ROOT)),
                        Integer.parseInt(kv[1].strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fusion strategy: bad step '" + part.strip()
                        + "' (STATIC:N or DYNAMIC:N)");
            }
        }
        return new FusionStrategy(steps);
    }
}
