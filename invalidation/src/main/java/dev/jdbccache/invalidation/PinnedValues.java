package dev.jdbccache.invalidation;

import dev.jdbccache.parser.PinValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a footprint template's {@link PinValue}s name in one execution, from the bound
 * parameters or the statement's literals. A value that is not known (a parameter not bound, not
 * key material) makes the whole pin unknown, and so does a NULL: settings turn it into a value
 * ({@code transform_null_equals}, H2's {@code DEFAULT ON NULL}, identity columns), so it is not
 * trusted to match no row. Stateless.
 */
public final class PinnedValues {

    /** Marks a pin whose values are not known for this execution. */
    public static final List<Object> UNKNOWN = List.of(new Object());

    private PinnedValues() {
    }

    /** The non-null values of {@code pins} for {@code parameters}, or {@link #UNKNOWN}. */
    public static List<Object> of(List<PinValue> pins, BoundValues parameters) {
        List<Object> values = new ArrayList<>(pins.size());
        for (PinValue pin : pins) {
            if (pin instanceof PinValue.Literal literal) {
                if (literal.text() == null) {
                    return UNKNOWN;
                }
                values.add(literal.quoted() ? literal.text() : new BigInteger(literal.text()));
            } else if (pin instanceof PinValue.Parameter p) {
                Object value = parameters.value(p.index());
                if (value == null || value == BoundValues.UNKNOWN || value instanceof List<?>) {
                    return UNKNOWN;
                }
                values.add(value);
            } else if (pin instanceof PinValue.ArrayParameter a) {
                Object value = parameters.value(a.index());
                if (!(value instanceof List<?> array)) {
                    return UNKNOWN;
                }
                for (Object element : array) {
                    if (element == null) {
                        return UNKNOWN;
                    }
                    values.add(element);
                }
            } else {
                return UNKNOWN;
            }
        }
        return values;
    }
}
