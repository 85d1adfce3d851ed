package org.agora.web.exports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agora.exports.ExportJob;

/** How an export's file is sent, by the dashboard's servlet and the API alike: an attachment, never cached. */
public final class ExportDownload {

    private ExportDownload() {
    }

    /** The response headers of the job's file (its name is ASCII already: scope codes, dates, digits). */
    public static Map<String, String> headers(ExportJob job) {
        Map<String, String> headers = new LinkedHashMap<>();
        String name = job.downloadName();
        headers.put("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        headers.put("Cache-Control", "private, no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }
}
