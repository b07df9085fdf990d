package kiln.dialects.ir;

/**
 * An op interface for ops whose results come out of their regions (a structured if): results nobody uses can be
 * erased together with what the regions yield for them, which may leave the ops computing those values dead.
 * Dead code elimination asks it of every op before looking inside.
 */
@FunctionalInterface
public interface UnusedResults {
    /** Erases every unused result of {@code op} and what its regions yield for it; returns whether any was. */
    boolean eraseUnusedResults(Operation op);
}
