package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link CheckStep}s over one (canonicalised) input, with LLVM FileCheck's algorithm: the input is first cut
 * into blocks at CHECK-LABEL matches; within a block, each step matches its CHECK-DAG groups, then its own pattern
 * (COUNT times), then checks line placement (NEXT, SAME, EMPTY) and its CHECK-NOTs in the skipped stretch. The
 * first failure in a block ends that block, and checking goes on with the next one.
 */
final class InputMatcher {
    /** A matched stretch of the input. */
    private record Span(int start, int end) {
    }

    private final String text;
    private final LineIndex lines;
    private final Variables variables = new Variables();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    InputMatcher(String canonicalInput) {
        this.text = canonicalInput;
        this.lines = new LineIndex(canonicalInput);
    }

    /** Checks every step; returns the failures, none when the input passes. */
    List<Diagnostic> run(List<CheckStep> steps) {
        int i = 0;
        int j = 0;
        int rest = 0;
        while (true) {
            int regionStart = rest;
            int regionEnd;
            if (j == steps.size()) {
                regionEnd = text.length();
            } else {
                if (steps.get(j).directive().kind() != CheckKind.LABEL) {
                    j++;
                    continue;
                }
                Span label = check(steps.get(j), rest, text.length(), true);
                if (label == null) {
                    return diagnostics;
                }
                regionEnd = label.end();
                rest = label.end();
                j++;
            }
            if (i != 0) {
                variables.clearLocals();
            }
            int pos = regionStart;
            for (; i != j; i++) {
                Span match = check(steps.get(i), pos, regionEnd, false);
                if (match == null) {
                    i = j;
                    break;
                }
                pos = match.end();
            }
            if (j == steps.size()) {
                return diagnostics;
            }
        }
    }

    /**
     * Matches one step in {@code [from, to)}; in label-scan mode only its own pattern, as the block bounds are
     * found before the block's variables are known. Returns null, having reported why, when it fails.
     */
    private Span check(CheckStep step, int from, int to, boolean labelScan) {
        Directive directive = step.directive();
        List<Directive> nots = new ArrayList<>();
        int lastPos = from;
        if (!labelScan) {
            lastPos = checkDags(step.dagNots(), from, to, nots);
            if (lastPos < 0) {
                return null;
            }
        }
        int first = -1;
        int end = lastPos;
        for (int k = 1; k <= directive.count(); k++) {
            PatternMatch result = directive.pattern().match(text, end, to, variables);
            if (!(result instanceof PatternMatch.Found(int start, int stop))) {
                reportNoMatch(directive, result, end, to, k);
                return null;
            }
            if (k == 1) {
                first = start;
            }
            end = stop;
        }
        if (!labelScan && !(checkPlacement(directive, lastPos, first) && checkNots(nots, lastPos, first))) {
            return null;
        }
        return new Span(first, end);
    }

    /**
     * Matches the CHECK-DAG groups of a step from {@code from}; a group's matches may come in any order but may not
     * overlap, and CHECK-NOTs between groups must not match between them. Returns where the last group ended, or
     * -1 on failure. CHECK-NOTs after the last group are left in {@code nots} for the caller.
     */
    private int checkDags(List<Directive> dagNots, int from, int to, List<Directive> nots) {
        int startPos = from;
        List<Span> group = new ArrayList<>();
        for (int index = 0; index < dagNots.size(); index++) {
            Directive dag = dagNots.get(index);
            if (dag.kind() == CheckKind.NOT) {
                nots.add(dag);
                continue;
            }
            int searchFrom = startPos;
            int next = 0;
            while (true) {
                PatternMatch result = dag.pattern().match(text, searchFrom, to, variables);
                if (!(result instanceof PatternMatch.Found(int start, int end))) {
                    reportNoMatch(dag, result, searchFrom, to, 1);
                    return -1;
                }
                while (next < group.size() && start >= group.get(next).end()) {
                    next++;
                }
                if (next == group.size() || end <= group.get(next).start()) {
                    group.add(next, new Span(start, end));
                    break;
                }
                // Overlaps an earlier match of this group: search again after it.
                searchFrom = group.get(next).end();
                next++;
            }
            boolean groupEnds = index + 1 == dagNots.size() || dagNots.get(index + 1).kind() == CheckKind.NOT;
            if (groupEnds) {
                if (!nots.isEmpty()) {
                    if (!checkNots(nots, startPos, group.getFirst().start())) {
                        return -1;
                    }
                    nots.clear();
                }
                startPos = group.getLast().end();
                group.clear();
            }
        }
        return startPos;
    }

    /** Reports every CHECK-NOT that matches in {@code [from, to)}; true when none does. */
    private boolean checkNots(List<Directive> nots, int from, int to) {
        boolean passed = true;
        for (Directive not : nots) {
            PatternMatch result = not.pattern().match(text, from, to, variables);
            if (result instanceof PatternMatch.Found(int start, _)) {
                diagnostics.add(new Diagnostic.Builder(not, "excluded string found in input")
                        .note(lines.lineOf(start), "found here").build());
                passed = false;
            } else if (result instanceof PatternMatch.Undefined undefined) {
                reportUndefined(not, undefined, from);
                passed = false;
            }
        }
        return passed;
    }

    /** Checks CHECK-NEXT/EMPTY and CHECK-SAME placement: {@code [previousEnd, matchStart)} is what lies between. */
    private boolean checkPlacement(Directive directive, int previousEnd, int matchStart) {
        CheckKind kind = directive.kind();
        if (!kind.isNextLine() && kind != CheckKind.SAME) {
            return true;
        }
        int[] firstNewline = {-1};
        int newlines = countNewlines(previousEnd, matchStart, firstNewline);
        String problem;
        if (kind == CheckKind.SAME) {
            problem = newlines == 0 ? null : "is not on the same line as the previous match";
        } else if (newlines == 0) {
            problem = "is on the same line as previous match";
        } else {
            problem = newlines == 1 ? null : "is not on the line after the previous match";
        }
        if (problem == null) {
            return true;
        }
        Diagnostic.Builder error = new Diagnostic.Builder(directive, problem)
                .note(lines.lineOf(matchStart), "'next' match was here")
                .note(lines.lineOf(previousEnd), "previous match ended here");
        if (kind != CheckKind.SAME && newlines > 1) {
            error.note(lines.lineOf(firstNewline[0]), "non-matching line after previous match is here");
        }
        diagnostics.add(error.build());
        return false;
    }

    /** Counts line breaks in {@code [from, to)} ({@code \r\n} and {@code \n\r} count once), as LLVM does. */
    private int countNewlines(int from, int to, int[] afterFirst) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                continue;
            }
            if (i + 1 < to && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r') && text.charAt(i + 1) != c) {
                i++;
            }
            if (++count == 1) {
                afterFirst[0] = i + 1;
            }
        }
        return count;
    }

    private void reportNoMatch(Directive directive, PatternMatch result, int from, int to, int attempt) {
        if (result instanceof PatternMatch.Undefined undefined) {
            reportUndefined(directive, undefined, from);
            return;
        }
        String message = "expected string not found in input";
        if (directive.count() > 1) {
            message += " (" + attempt + " out of " + directive.count() + ")";
        }
        Diagnostic.Builder error = new Diagnostic.Builder(directive, message)
                .note(lines.lineOf(from), "scanning from here");
        directive.pattern().substitutionNotes(variables).forEach(note -> error.note(0, note));
        int fuzzy = FuzzyMatch.find(text, from, to, directive.pattern().source());
        if (fuzzy >= 0) {
            error.note(lines.lineOf(fuzzy), "possible intended match here");
        }
        diagnostics.add(error.build());
    }

    private void reportUndefined(Directive directive, PatternMatch.Undefined undefined, int from) {
        String names = String.join(", ", undefined.names());
        String message = "undefined variable" + (undefined.names().size() > 1 ? "s: " : ": ") + names;
        diagnostics.add(new Diagnostic.Builder(directive, message).note(lines.lineOf(from), "scanning from here").build());
    }
}
