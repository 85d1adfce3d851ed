package org.agora.audience;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A page whose views the audience counts: its view id ({@code /consultations/view.xhtml}: the page, never the address
 * with its ids and filters) and its capability. Counted: GET requests of the public's and the residents' pages.
 * Not counted: other methods (a form sent is not a page view), resources, images, files, the API, the health and
 * OpenAPI endpoints, error pages, and the staff's pages (the {@code manage/} and {@code admin/} folders, moderation,
 * reports): the audience is that of the public.
 */
public record CountedPage(String page, PageCapability capability) {

    /** The longest view id kept; the platform's are far shorter. */
    public static final int MAX_LENGTH = 120;

    private static final List<String> NOT_PAGES = List.of("/api/", "/jakarta.faces.resource/", "/javax.faces.resource/",
            "/resources/", "/webjars/", "/images/", "/health", "/metrics", "/openapi", "/error/", "/moderation/",
            "/reports/", "/territory/", "/participation/");

    private static final Map<String, PageCapability> FOLDERS = Map.of("consultations", PageCapability.CONSULTATION,
            "budget", PageCapability.BUDGET, "councils", PageCapability.COUNCIL,
            "newsletters", PageCapability.NEWSLETTER, "notifications", PageCapability.NOTIFICATION);

    private static final Map<String, PageCapability> TOP = Map.of("/index.xhtml", PageCapability.HOME,
            "/me.xhtml", PageCapability.ACCOUNT, "/goodbye.xhtml", PageCapability.ACCOUNT,
            "/privacy.xhtml", PageCapability.INFORMATION, "/terms.xhtml", PageCapability.INFORMATION,
            "/accessibility.xhtml", PageCapability.INFORMATION);

    public CountedPage {
        if (page == null || page.isEmpty() || page.length() > MAX_LENGTH || capability == null) {
            throw new IllegalArgumentException("not a counted page: " + page);
        }
    }

    /**
     * The page a request shows, if its views are counted: {@code method} the HTTP method, {@code path} the address
     * within the application, without the query ({@code /}, {@code /budget/}, {@code /budget/project.xhtml}).
     */
    public static Optional<CountedPage> of(String method, String path) {
        if (!"GET".equals(method) || path == null) {
            return Optional.empty();
        }
        String page = path.isEmpty() || path.endsWith("/") ? path + (path.endsWith("/") ? "" : "/") + "index.xhtml" : path;
        String lower = page.toLowerCase(Locale.ROOT);
        if (!page.startsWith("/") || !page.endsWith(".xhtml") || page.length() > MAX_LENGTH || page.contains("//")
                || page.contains("/.") || NOT_PAGES.stream().anyMatch(lower::startsWith)
                || lower.contains("/manage/") || lower.contains("/admin/")) {
            return Optional.empty();
        }
        int second = page.indexOf('/', 1);
        if (second < 0) {
            return Optional.ofNullable(TOP.get(page)).map(capability -> new CountedPage(page, capability));
        }
        return Optional.ofNullable(FOLDERS.get(page.substring(1, second))).map(capability -> new CountedPage(page, capability));
    }
}
