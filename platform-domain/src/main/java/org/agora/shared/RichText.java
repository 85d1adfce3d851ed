package org.agora.shared;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * Text residents and staff write in the rich-text editor (descriptions, comments, posts). Only paragraphs,
 * line breaks, bold, italic, underline, strike-through, two heading levels, lists, quotes and links to
 * http, https or mailto addresses are kept; everything else (scripts, styles, event handlers, frames, images,
 * the editor's own classes) is removed, so the result can be shown as HTML to anyone. Other headings and
 * blocks become the nearest kept one.
 */
public final class RichText {

    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "ul", "ol", "li", "blockquote");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "u", "s", "h2", "h3", "ul", "ol", "li", "blockquote")
            .allowElements("a")
            // blocks the editor does not make (pasted, or sent to the API) become the nearest kept one, so that
            // their text stays apart from the next
            .allowElements((name, attrs) -> "h2", "h1")
            .allowElements((name, attrs) -> "h3", "h4", "h5", "h6")
            .allowElements((name, attrs) -> "p", "div", "pre")
            .allowAttributes("href").matching(RichText::absoluteLink).onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            // links lead away from the city's site: no ranking credit, no access to this window or its address
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private RichText() {
    }

    /**
     * Only absolute addresses: the protocol filter alone would also let relative ones through, which could
     * point at the platform's own actions (sign out, language switch) from a resident's text.
     */
    private static String absoluteLink(String element, String attribute, String value) {
        String href = value.strip().toLowerCase(Locale.ROOT);
        boolean absolute = href.startsWith("https://") || href.startsWith("http://") || href.startsWith("mailto:");
        return absolute ? value.strip() : null;
    }

    /**
     * The safe HTML of what was written; an empty or whitespace-only text (the editor's empty
     * {@code <p><br></p>}) gives "".
     */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String safe = POLICY.sanitize(html);
        return textOfSafeHtml(safe).isEmpty() ? "" : safe;
    }

    /**
     * What a reader sees, without markup: blocks (paragraphs, headings, list items, quotes) and line breaks
     * become one line each, spaces inside a line are collapsed, empty lines dropped. For previews and length
     * limits.
     */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return textOfSafeHtml(POLICY.sanitize(html));
    }

    /** The text of HTML that went through the policy (so no script or style content is left to read). */
    private static String textOfSafeHtml(String safeHtml) {
        TextCollector collector = new TextCollector();
        HtmlSanitizer.sanitize(safeHtml, collector);
        return collector.text();
    }

    private static final class TextCollector implements HtmlSanitizer.Policy {

        private final StringBuilder raw = new StringBuilder();

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            if ("br".equals(elementName) || BLOCKS.contains(elementName)) {
                raw.append('\n');
            }
        }

        @Override
        public void closeTag(String elementName) {
            if (BLOCKS.contains(elementName)) {
                raw.append('\n');
            }
        }

        @Override
        public void text(String textChunk) {
            raw.append(textChunk);
        }

        String text() {
            return raw.toString().replace('\u00A0', ' ').lines()
                    .map(line -> line.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " "))
                    .filter(line -> !line.isEmpty())
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("");
        }
    }
}
