package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.agora.budget.opendata.PabulibFile;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void everyKeyExistsInFrenchAndEnglish() throws IOException {
        Properties french = load("messages_fr.properties");
        Properties english = load("messages_en.properties");
        assertThat(french.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    /** A key a page names but no bundle has shows as "???key???" to everyone: none may be missing. */
    @Test
    void everyKeyAPageNamesIsInTheBundles() throws IOException {
        Properties french = load("messages_fr.properties");
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("msg\\['([^']+)'\\]");
        java.util.Set<String> missing = new java.util.TreeSet<>();
        int pages = 0;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/webapp"))) {
            for (java.nio.file.Path page : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                pages++;
                java.util.regex.Matcher key = named.matcher(java.nio.file.Files.readString(page));
                while (key.find()) {
                    if (!french.containsKey(key.group(1))) {
                        missing.add(key.group(1) + " (" + page.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(pages).as("pages read").isGreaterThan(40);
        assertThat(missing).isEmpty();
    }

    @Test
    void anInstantReadsAsADayOfTheCityNotOfTheServer() {
        // 23:30 UTC on 25 May is already 26 May in Belrive (UTC+2 in summer)
        java.time.Instant lateEvening = java.time.Instant.parse("2027-05-25T23:30:00Z");
        assertThat(Texts.format(Locale.FRENCH, "privacy.erase.voteOpen", "Budget 2027", lateEvening))
                .contains("jusqu'au 26 mai 2027");
        assertThat(Texts.format(Locale.ENGLISH, "privacy.erase.voteOpen", "Budget 2027", lateEvening))
                .contains("until May 26, 2027");
    }

    @Test
    void aLanguageThePlatformDoesNotSpeakGetsTheCitysFrenchWhateverTheServersLanguage() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Texts.format(Locale.GERMAN, "validation.tooLong", 120)).isEqualTo("120 caractères au plus.");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void argumentsAreFormattedAndApostrophesKept() {
        assertThat(Texts.format(Locale.FRENCH, "territory.district.name.duplicate", "Nord"))
                .isEqualTo("Un arrondissement s'appelle déjà « Nord ».");
        assertThat(Texts.format(Locale.ENGLISH, "validation.tooLong", 120)).isEqualTo("At most 120 characters.");
        assertThat(Texts.format(Locale.FRENCH, "api.malformed")).contains("n'est pas");
    }

    @Test
    void aReasonGivenAsAKeyIsTranslatedInsideTheSentence() {
        InvalidInputException refusal = catchThrowableOfType(
                () -> PabulibFile.read(new StringReader("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;-5\n")),
                InvalidInputException.class);

        assertThat(Texts.format(Locale.FRENCH, refusal.messageKey(), refusal.arguments()))
                .isEqualTo("Ligne 7 : ce fichier Pabulib n'est pas valide (le coût ne peut pas être négatif : -5). Rien n'a été importé.");
        assertThat(Texts.format(Locale.ENGLISH, refusal.messageKey(), refusal.arguments()))
                .isEqualTo("Line 7: this is not a valid Pabulib file (the cost cannot be negative: -5). Nothing was imported.");
    }

    @Test
    void callersLanguageIsFrenchUnlessTheyPreferEnglish() {
        assertThat(Texts.preferred(List.of(Locale.GERMAN, Locale.UK, Locale.FRANCE))).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.preferred(List.of(Locale.GERMAN))).isEqualTo(Locale.FRENCH);
        assertThat(Texts.preferred(List.of())).isEqualTo(Locale.FRENCH);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/org/agora/web/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
