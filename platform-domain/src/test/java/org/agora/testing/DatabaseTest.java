package org.agora.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A persistence test: each test gets a fresh database (from the subclass: H2 or PostgreSQL) with the demo
 * territory loaded, dropped afterwards.
 */
public abstract class DatabaseTest {

    private TestDatabase db;

    protected abstract TestDatabase openDatabase();

    /**
     * Whether the test looks at where rows lie in the database's files (a dump's order): then it starts on new, empty
     * storage, without the rows an earlier test deleted.
     */
    protected boolean needsNewStorage() {
        return false;
    }

    @BeforeEach
    void openWithDemoTerritory() {
        db = openDatabase();
        if (needsNewStorage()) {
            db.renewStorage();
        }
        db.inTransaction(em -> Demo.territory(em).seedIfEmpty());
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    protected TestDatabase db() {
        return db;
    }
}
