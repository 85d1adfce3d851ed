package org.agora.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The texts of a capability's demo data (names, descriptions, questions), read from
 * {@code /demo/<capability>.properties} in UTF-8, so that the seeding code carries none: a missing key is a bug.
 */
public final class DemoTexts {

    private final String file;
    private final Properties texts = new Properties();

    private DemoTexts(String file) {
        this.file = file;
    }

    public static DemoTexts of(String capability) {
        DemoTexts demo = new DemoTexts("/demo/" + capability + ".properties");
        try (InputStream in = DemoTexts.class.getResourceAsStream(demo.file)) {
            if (in == null) {
                throw new IllegalStateException("no demo texts at " + demo.file);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                demo.texts.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return demo;
    }

    public String get(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no demo text " + key + " in " + file);
        }
        return text;
    }

    /** A list of texts: the value split on its vertical bars. */
    public List<String> list(String key) {
        return Arrays.stream(get(key).split("\\|")).map(String::strip).toList();
    }
}
