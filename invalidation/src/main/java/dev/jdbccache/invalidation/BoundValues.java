package dev.jdbccache.invalidation;

/**
 * The values bound to a statement's parameters for one execution, as footprint evaluation sees
 * them: the value at a 1-based index, {@code null} for SQL NULL, a {@link java.util.List} for an
 * array, or {@link #UNKNOWN} when it is not known (not bound, not key material).
 */
@FunctionalInterface
public interface BoundValues {

    /** Stands for a value that is not known: the pin it belongs to is then not known either. */
    Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "UNKNOWN";
        }
    };

    /** No parameters: every parameter is unknown (a statement's literals still are). */
    BoundValues NONE = index -> UNKNOWN;

    Object value(int index);
}
