package org.agora.budget.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real elections in src/test/resources/pabulib, read once per test run. */
public final class PabulibFiles {

    public static final String SWIECIE = "Poland_Swiecie_2023.pb";
    public static final String TOULOUSE = "France_Toulouse_2019.pb";
    public static final String BUDAPEST = "Hungary_Budapest_2023_VIII_Jozsefvaros.pb";
    public static final String DIEPPE = "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb";
    public static final String WIELICZKA = "Poland_Wieliczka_2023_Green_Budget.pb";

    private static final Map<String, PabulibElection> READ = new ConcurrentHashMap<>();

    private PabulibFiles() {
    }

    public static PabulibElection election(String file) {
        return READ.computeIfAbsent(file, PabulibFiles::read);
    }

    private static PabulibElection read(String file) {
        try (InputStream in = PabulibFiles.class.getResourceAsStream("/pabulib/" + file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return PabulibFile.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
