package org.agora.web.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agora.privacy.PersonalData;
import org.agora.privacy.PersonalData.Section;
import org.agora.reports.PersonalDataWorkbook;
import org.agora.web.platform.Texts;

/**
 * A person's data as the files they download, from the page and the API: JSON (a property per kind of record, a
 * list of objects keyed by column) and a workbook with the same records, its sheets titled in their language.
 */
public final class PersonalDataFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private PersonalDataFiles() {
    }

    public static String json(PersonalData data) {
        JsonObjectBuilder sections = Json.createObjectBuilder();
        for (Section section : data.sections()) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (List<String> values : section.rows()) {
                JsonObjectBuilder row = Json.createObjectBuilder();
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) == null) {
                        row.addNull(section.columns().get(c));
                    } else {
                        row.add(section.columns().get(c), values.get(c));
                    }
                }
                rows.add(row);
            }
            sections.add(section.key(), rows);
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.writeObject(Json.createObjectBuilder().add("person", data.person())
                    .add("madeAt", data.madeAt().toString()).add("records", sections).build());
        }
        return out.toString();
    }

    public static void xlsx(PersonalData data, Locale locale, OutputStream out) throws IOException {
        PersonalDataWorkbook.write(data, new PersonalDataWorkbook.Texts(Texts.format(locale, "privacy.data.about"),
                Texts.format(locale, "privacy.data.person"), Texts.format(locale, "privacy.data.madeAt"),
                key -> Texts.format(locale, "privacy.section." + key)), out);
    }

    /** The file's name: whose data and the day it was made, e.g. {@code agora-my-data-alice-2027-05-01.xlsx}. */
    public static String fileName(PersonalData data, String extension) {
        String who = data.person().replaceAll("[^A-Za-z0-9._-]", "_");
        return "agora-my-data-" + who + "-" + data.madeAt().atZone(ZoneOffset.UTC).toLocalDate() + "." + extension;
    }
}
