package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * The implementation follow-up of a winning project through the REST API on a real Payara Micro with real Keycloak
 * tokens, on a real election (Toulouse 2019, imported: its results are public and its city-wide envelope is the
 * office's): only the office changes it, a project that did not win is refused, refused changes and photos say why
 * and store nothing, and anyone reads it.
 */
abstract class FollowUpApiTests {

    private static long importedEnvelope() throws IOException {
        String toulouse;
        try (InputStream in = FollowUpApiTests.class.getResourceAsStream("/pabulib/France_Toulouse_2019.pb")) {
            toulouse = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = Json.createObjectBuilder().add("name", "Toulouse " + UUID.randomUUID().toString().substring(0, 6))
                .add("year", 2019).add("pabulib", toulouse).build().toString();
        Reply imported = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls/import", body);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        return imported.json().getJsonNumber("id").longValue();
    }

    private static String png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void theOfficeFollowsUpAWinnerAndAnyoneReadsIt() throws Exception {
        long envelope = importedEnvelope();
        List<Long> winners = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/results").json()
                .getJsonArray("winners").getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
        long loser = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/projects").array()
                .getValuesAs(JsonObject.class).stream().map(p -> p.getJsonNumber("id").longValue())
                .filter(id -> !winners.contains(id)).findFirst().orElseThrow();
        String followUp = "/api/budget/projects/" + winners.get(0) + "/followup";
        Api office = Api.as(DemoUser.OFFICE_ADMIN);

        assertThat(Api.anonymous().get(followUp).status()).isEqualTo(404); // not started yet
        String inProgress = "{\"status\": \"IN_PROGRESS\", \"progress\": 30}";
        assertThat(Api.anonymous().put(followUp + "/status", inProgress).status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.AGENT).put(followUp + "/status", inProgress).status()).isEqualTo(403);
        Reply loserChange = office.put("/api/budget/projects/" + loser + "/followup/status", inProgress);
        assertThat(loserChange.status()).isEqualTo(409);
        assertThat(loserChange.json().getString("detail")).startsWith("Seuls les projets lauréats");

        Reply changed = office.put(followUp + "/status", inProgress);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(changed.json().getInt("progress")).isEqualTo(30);
        Reply noReason = office.put(followUp + "/status", "{\"status\": \"ABANDONED\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getString("field")).isEqualTo("reason");
        assertThat(noReason.json().getString("detail")).isEqualTo("Expliquez aux habitants pourquoi le projet est abandonné.");
        Reply unknown = office.put(followUp + "/status", "{\"status\": \"FINISHED\"}");
        assertThat(unknown.status()).isEqualTo(400);

        String pdf = Base64.getEncoder().encodeToString("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Reply refused = office.post(followUp + "/updates",
                "{\"text\": \"Le plan\", \"photo\": \"%s\", \"photoName\": \"plan.png\"}".formatted(pdf));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("photo");
        assertThat(refused.json().getString("detail")).isEqualTo("Ce fichier n'est pas une image PNG ou JPEG.");
        Reply posted = office.post(followUp + "/updates",
                "{\"text\": \"Le chantier a commencé.\", \"photo\": \"%s\", \"photoName\": \"chantier.png\"}".formatted(png()));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        HttpResponse<byte[]> photo = Platform.http().send(
                HttpRequest.newBuilder(URI.create(posted.json().getString("photo"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).contains("image/png");

        JsonObject read = Api.anonymous().get(followUp).json();
        assertThat(read.getString("statusText")).isEqualTo("En travaux");
        assertThat(read.getJsonArray("updates")).hasSize(1); // the refused photo stored no update
        assertThat(read.getJsonArray("updates").getJsonObject(0).getString("text")).isEqualTo("Le chantier a commencé.");
        assertThat(Api.anonymous().inEnglish().get(followUp).json().getString("statusText"))
                .isEqualTo("Works in progress");
    }
}
