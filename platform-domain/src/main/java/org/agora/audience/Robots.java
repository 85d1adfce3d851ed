package org.agora.audience;

import java.util.List;
import java.util.Locale;

/**
 * Which requests come from programs rather than people, by a simple rule on the {@code User-Agent}: none at all, or
 * one naming a crawler, a command-line or library HTTP client, a headless browser, a monitor or a link preview. The
 * audience does not count them. A program that passes for a browser is counted: the rule keeps the figures honest,
 * it does not police.
 */
public final class Robots {

    private static final List<String> WORDS = List.of("bot", "crawl", "spider", "slurp", "scrap", "fetch", "archiver",
            "curl", "wget", "httpie", "python", "java/", "java-http-client", "okhttp", "go-http-client", "apache-httpclient",
            "libwww", "node-fetch", "axios", "headless", "phantomjs", "lighthouse", "pagespeed", "monitor", "uptime",
            "pingdom", "check_http", "facebookexternalhit", "embedly", "preview", "whatsapp", "telegram", "discord",
            "mediapartners", "validator");

    private Robots() {
    }

    /** Whether a request with this {@code User-Agent} (null when it sent none) comes from a program. */
    public static boolean isRobot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains);
    }
}
