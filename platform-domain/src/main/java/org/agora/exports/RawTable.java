package org.agora.exports;

import java.util.List;

/**
 * The raw-data tables of the exports (issue 15), with their columns: none names a person. Their values are
 * {@link String}, {@link Long}, {@link java.math.BigDecimal}, {@link java.time.LocalDate}, {@link Boolean} or
 * {@code null}; what each row holds, and what is left out, is said by {@link RawData}.
 */
public enum RawTable {

    /** One row per answer of a submitted response: an option chosen, a ranked item, a matrix cell, a number, a text. */
    ANSWERS("answers", List.of(
            integer("consultation_id"), text("consultation"), text("consultation_district"), bool("anonymous"),
            integer("response"), date("day"), text("respondent_district"), text("question"), text("row"),
            text("option"), text("option_label"), integer("rank"), decimal("number"), text("text"))),
    /** One row per project and channel (or group of channels) of a counted envelope whose results are public. */
    BALLOTS("ballots", List.of(
            integer("call_id"), text("call"), integer("year"), text("envelope_district"), integer("project_id"),
            text("project"), text("channel"), integer("ballots"), integer("points"))),
    /** One row per commented item: how many comments it got in the period, how many are hidden or deleted. */
    COMMENTS("comments", List.of(
            text("item_kind"), integer("item_id"), text("district"), integer("comments"), integer("hidden"),
            integer("deleted"), date("first_day"), date("last_day"))),
    /** One row per council meeting of the period: its registrations and the attendance its minutes recorded. */
    MEETINGS("meetings", List.of(
            integer("council_id"), text("council"), text("district"), integer("meeting_id"), date("day"),
            bool("held"), bool("cancelled"), bool("members_only"), integer("capacity"), integer("registered"),
            integer("waiting"), integer("attended")));

    private final String fileName;
    private final List<Column> columns;

    RawTable(String fileName, List<Column> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    /** The table's name in files ({@code answers}) and its texts' keys ({@code raw.answers...}). */
    public String fileName() {
        return fileName;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The table a request names, by its file name ({@code answers}) or its name ({@code ANSWERS}). */
    public static java.util.Optional<RawTable> parse(String name) {
        String wanted = name == null ? "" : name.strip();
        return java.util.Arrays.stream(values())
                .filter(t -> t.fileName.equalsIgnoreCase(wanted) || t.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** A column: its key (the CSV files' header, stable for open data) and what its values are. */
    public record Column(String key, Kind kind) {
    }

    /** What a column's values are. */
    public enum Kind {
        TEXT, INTEGER, DECIMAL, DATE, BOOLEAN
    }

    private static Column text(String key) {
        return new Column(key, Kind.TEXT);
    }

    private static Column integer(String key) {
        return new Column(key, Kind.INTEGER);
    }

    private static Column decimal(String key) {
        return new Column(key, Kind.DECIMAL);
    }

    private static Column date(String key) {
        return new Column(key, Kind.DATE);
    }

    private static Column bool(String key) {
        return new Column(key, Kind.BOOLEAN);
    }
}
