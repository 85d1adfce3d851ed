package org.agora.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

    @Test
    void aLabelCannotCloseThePagesScript() {
        String json = ChartJson.of("bar", List.of("</script><script>alert(1)</script>", "Sud & Est"),
                List.of(new BigDecimal("0.65"), new BigDecimal("0.31")), "Pour 1 000 habitants");

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0))
                .isEqualTo("</script><script>alert(1)</script>");
        assertThat(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data")
                .getJsonNumber(1).bigDecimalValue()).isEqualByComparingTo("0.31");
    }

    @Test
    void countsAreNumbersOfALineChart() {
        JsonObject chart = Json.createReader(new StringReader(ChartJson.of("line", List.of("2027-W09", "2027-W10"),
                List.of(40L, 25L), "Participants"))).readObject();

        assertThat(chart.getString("type")).isEqualTo("line");
        assertThat(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data")
                .getJsonNumber(0).longValue()).isEqualTo(40);
    }
}
