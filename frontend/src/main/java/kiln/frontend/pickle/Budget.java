package kiln.frontend.pickle;

/** A count of the objects one unpickling may create or copy, so that no input makes it work without end. */
final class Budget {
    private final long limit;
    private long left;

    Budget(long limit) {
        this.limit = limit;
        this.left = limit;
    }

    void spend(long objects) {
        left -= objects;
        if (left < 0) {
            throw new IllegalArgumentException("more than " + limit + " objects created or copied");
        }
    }
}
