package org.agora.web.reports;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A Chart.js configuration for PrimeFaces' {@code p:chart}, which writes it into a script of the page: so every
 * {@code <}, {@code >} and {@code &} is written as a JSON escape, and a label such as a district's name can never
 * close the script.
 */
final class ChartJson {

    private ChartJson() {
    }

    /** One series of {@code values} under {@code labels}, as a {@code line} or {@code bar} chart starting at zero. */
    static String of(String type, List<String> labels, List<? extends Number> values, String series) {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonArrayBuilder valueArray = Json.createArrayBuilder();
        for (Number value : values) {
            valueArray.add(value instanceof BigDecimal d ? d : BigDecimal.valueOf(value.longValue()));
        }
        String json = Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labelArray).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", series).add("data", valueArray)
                                .add("borderColor", "#1f4e79").add("backgroundColor", "#5b9bd5"))))
                .add("options", Json.createObjectBuilder().add("responsive", true)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true))))
                .build().toString();
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
