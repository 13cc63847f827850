package dev.jdbccache.driver.cache;

import dev.jdbccache.parser.PinValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a footprint template's {@link PinValue}s name in one execution, from the bound
 * parameters ({@link BoundParameters#snapshot()}) or the statement's literals. A value that is
 * not known (a parameter not bound, not key material) makes the whole pin unknown; a NULL
 * contributes no value (no row equals NULL). Stateless.
 */
final class PinnedValues {

    /** Marks a pin whose values are not known for this execution. */
    static final List<Object> UNKNOWN = List.of(new Object());

    private PinnedValues() {
    }

    /** The non-null values of {@code pins} for {@code parameters}, or {@link #UNKNOWN}. */
    static List<Object> of(List<PinValue> pins, Object[] parameters) {
        List<Object> values = new ArrayList<>(pins.size());
        for (PinValue pin : pins) {
            if (pin instanceof PinValue.Literal literal) {
                if (literal.text() != null) {
                    values.add(literal.quoted() ? literal.text() : new BigInteger(literal.text()));
                }
            } else if (pin instanceof PinValue.Parameter p) {
                BoundParameters.Slot slot = slot(parameters, p.index());
                if (slot == null) {
                    return UNKNOWN;
                }
                if (slot.binding() != BoundParameters.Binding.NULL && slot.value() != null) {
                    values.add(slot.value());
                }
            } else if (pin instanceof PinValue.ArrayParameter a) {
                BoundParameters.Slot slot = slot(parameters, a.index());
                if (slot == null || !(slot.value() instanceof BoundParameters.ArrayValue array)) {
                    return slot != null && slot.binding() == BoundParameters.Binding.NULL ? values : UNKNOWN;
                }
                for (Object element : array.elements()) {
                    if (element != null) {
                        values.add(element);
                    }
                }
            } else {
                return UNKNOWN;
            }
        }
        return values;
    }

    private static BoundParameters.Slot slot(Object[] parameters, int index) {
        if (parameters == null || index < 1 || index > parameters.length) {
            return null;
        }
        return parameters[index - 1] instanceof BoundParameters.Slot slot ? slot : null;
    }
}
