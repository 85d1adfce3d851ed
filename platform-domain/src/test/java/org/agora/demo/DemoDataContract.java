package org.agora.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Demo;
import org.junit.jupiter.api.Test;

/**
 * The demo data of a demo installation, seeded as the application does on its first start, against a real
 * database; run on H2 and PostgreSQL by the subclasses. What it stores is compared, table by table and row by
 * row, with demo-data.txt: the integration tests and the user guide rely on it (Saint-Roch, Les Aubiers,
 * Toulouse 2019, the demo projects and consultations). A second start seeds nothing more.
 */
abstract class DemoDataContract extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void seedsTheDemoDataOnce() throws IOException {
        seed();
        String contents = db().contents();
        String expected = expected();
        if (!contents.equals(expected) && System.getProperty("agora.test.demo-data.write") != null) {
            Files.writeString(Path.of(System.getProperty("agora.test.demo-data.write") + getClass().getSimpleName()), contents);
        }
        assertThat(contents).isEqualTo(expected);

        seed();
        assertThat(db().contents()).isEqualTo(expected);
    }

    private void seed() {
        db().inTransaction(em -> {
            Demo.territory(em).seedIfEmpty();
            Demo.consultations(em).seedIfEmpty(NOW);
            Demo.budget(em).seedIfEmpty(NOW);
            Demo.councils(em).seedIfEmpty(NOW);
            Demo.reports(em).seedIfEmpty(NOW);
            return null;
        });
    }

    private static String expected() throws IOException {
        try (InputStream in = DemoDataContract.class.getResourceAsStream("demo-data.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
