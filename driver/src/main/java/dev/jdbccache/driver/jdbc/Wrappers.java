package dev.jdbccache.driver.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** The {@link Wrapper} rules every wrapper of ours follows. */
final class Wrappers {

    private Wrappers() {
    }

    /**
     * The wrapper itself when it implements {@code iface} (so that asking for {@code Connection}
     * keeps the cache in the path), else the real object or whatever it unwraps to.
     */
    static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        return delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface) throws SQLException {
        return iface.isInstance(wrapper) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
