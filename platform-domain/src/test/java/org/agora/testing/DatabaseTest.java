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

    @BeforeEach
    void openWithDemoTerritory() {
        db = openDatabase();
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
