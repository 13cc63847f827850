package dev.jdbccache.invalidation;

/** The contract on the local store. */
class LocalTableVersionsContractTest extends TableVersionsContract {

    @Override
    protected TableVersions versions() {
        return new LocalTableVersions(LEASE);
    }
}
