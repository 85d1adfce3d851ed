package org.agora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** How the API reads bodies, with Payara's own JSON-B (Yasson 3.0.4). */
class JsonBodiesTest {

    public record Phases(Instant start, Instant end) {
    }

    public record Call(String name, int year, Boolean open, List<Phases> phases) {
    }

    private final Jsonb jsonb = new JsonBodies.Strict().getContext(Call.class);

    @Test
    void aValidBodyIsReadWithItsTextsNumbersDatesAndLists() {
        Call call = jsonb.fromJson("{\"name\": \"Budget 2027 — été\\tà \\u00e9\\ud83c\\udf33\", \"year\": 2027, "
                + "\"open\": true, \"phases\": [{\"start\": \"2027-01-01T00:00:00Z\", \"end\": null}]}", Call.class);
        Call unnamed = jsonb.fromJson("{\"name\": null, \"year\": 2027}", Call.class);

        assertThat(call.name()).isEqualTo("Budget 2027 — été\tà é\uD83C\uDF33");
        assertThat(call.year()).isEqualTo(2027);
        assertThat(call.phases().get(0).start()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(unnamed.name()).isNull();
    }

    @Test
    void aPropertyTheEndpointDoesNotKnowIsRefusedNotSkipped() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\": \"x\", \"opne\": true}", Call.class))
                .isInstanceOf(JsonbException.class);
    }

    @Test
    void aTextWithAControlCharacterOrHalfACharacterIsRefusedWithItsOwnReason() {
        for (String text : List.of("nul\\u0000", "bip\\u0007", "esc\\u001B[31m", "del\\u007f", "c1\\u0085",
                "half \\ud800", "half \\ud800x", "other half \\udc00 x", "twice \\ud800\\ud800", "raw del \u007f",
                "raw c1 \u0085")) {
            assertThatThrownBy(() -> readAll(new JsonBodies.Nesting(stream("{\"name\": \"" + text + "\"}"))))
                    .as(text)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refusal -> assertThat(refusal.messageKey()).isEqualTo("api.body.controlCharacter"));
        }
    }

    @Test
    void tabsLineBreaksAccentsWholeEmojisAndAnEscapedBackslashPass() throws IOException {
        String text = "{\"name\": \"a\\tb\\nc\\r été \\u00e9 \\ud83c\\udf33 \uD83C\uDF33 \\\\u0000 \\\"q\\\" ¿\"}";
        assertThat(readAll(new JsonBodies.Nesting(stream(text)))).isEqualTo(text);
    }

    @Test
    void aBodyNestedDeeperThanTheLimitIsStoppedAsItIsRead() throws IOException {
        String deep = "[".repeat(JsonBodies.MAX_DEPTH + 1) + "]".repeat(JsonBodies.MAX_DEPTH + 1);
        String shallow = "{\"a\": [\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\", {\"b\": [1, 2]}]}";

        assertThatThrownBy(() -> readAll(new JsonBodies.Nesting(stream(deep))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(readAll(new JsonBodies.Nesting(stream(shallow)))).isEqualTo(shallow); // brackets in strings don't count
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable cause = e; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
