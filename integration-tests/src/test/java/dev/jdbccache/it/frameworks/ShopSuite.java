package dev.jdbccache.it.frameworks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The life cycle every framework suite shares: one shop and one application (pool plus
 * framework) per wiring, the shop's data reloaded through the application's pool before each
 * test. A framework's test class declares its tests once in a subclass of this, and runs them
 * for each wiring with a one-line {@code @Nested} subclass per wiring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ShopSuite {

    private final Wiring wiring;
    protected ShopPool pool;

    protected ShopSuite(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Builds the application on a new shop: its pool and whatever the framework needs. */
    protected abstract ShopPool open(Wiring wiring) throws Exception;

    @BeforeAll
    final void openApplication() throws Exception {
        pool = open(wiring);
    }

    @BeforeEach
    final void reloadShop() throws Exception {
        pool.reset();
    }

    @AfterAll
    final void closeApplication() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }
}
