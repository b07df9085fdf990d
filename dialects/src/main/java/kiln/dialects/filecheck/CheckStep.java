package kiln.dialects.filecheck;

import java.util.List;

/**
 * A positive directive together with the CHECK-DAG and CHECK-NOT directives written just before it, which are
 * matched in the stretch of input between the previous positive match and this one (LLVM's "check string").
 */
record CheckStep(Directive directive, List<Directive> dagNots) {
    CheckStep {
        dagNots = List.copyOf(dagNots);
    }
}
