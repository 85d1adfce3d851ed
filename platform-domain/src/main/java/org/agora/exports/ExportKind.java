package org.agora.exports;

/**
 * What an export makes: the KPI workbook (the dashboard's figures with charts), the raw-data workbook (the same sheets,
 * then one streamed sheet per raw table) or the raw-data CSV files in a zip, with the Pabulib files of the votes whose
 * results are public.
 */
public enum ExportKind {

    KPI_WORKBOOK("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "agora-kpi-"),
    RAW_WORKBOOK("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "agora-raw-"),
    RAW_CSV("zip", "application/zip", "agora-raw-csv-");

    private final String extension;
    private final String contentType;
    private final String prefix;

    ExportKind(String extension, String contentType, String prefix) {
        this.extension = extension;
        this.contentType = contentType;
        this.prefix = prefix;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The name a downloaded file gets: {@code agora-raw-district-nord-2026-01-01_2026-06-30.xlsx}. */
    public String downloadName(String fileStem) {
        return prefix + fileStem + "." + extension;
    }

    /** The kind an address or a request body names, in any case ({@code raw_csv}, {@code RAW-CSV}). */
    public static java.util.Optional<ExportKind> parse(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        String wanted = name.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }
}
