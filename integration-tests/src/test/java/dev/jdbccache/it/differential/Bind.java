package dev.jdbccache.it.differential;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A parameter that is bound by something other than {@code setObject(i, value)}. Plain objects
 * passed to {@link Transcript#query} are bound with {@code setObject}.
 */
interface Bind {

    void bind(PreparedStatement ps, int index) throws SQLException;

    /** How the binding appears in the transcript. */
    String describe();

    static Bind nullOf(int sqlType) {
        return of("setNull(" + sqlType + ")", (ps, i) -> ps.setNull(i, sqlType));
    }

    static Bind typed(Object value, int sqlType) {
        return of("setObject(" + Render.value(value) + ", " + sqlType + ")",
                (ps, i) -> ps.setObject(i, value, sqlType));
    }

    static Bind typed(Object value, int sqlType, int scale) {
        return of("setObject(" + Render.value(value) + ", " + sqlType + ", " + scale + ")",
                (ps, i) -> ps.setObject(i, value, sqlType, scale));
    }

    static Bind of(String description, Setter setter) {
        return new Bind() {
            @Override
            public void bind(PreparedStatement ps, int index) throws SQLException {
                setter.set(ps, index);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** The setter call of a {@link #of custom} binding. */
    @FunctionalInterface
    interface Setter {
        void set(PreparedStatement ps, int index) throws SQLException;
    }
}
