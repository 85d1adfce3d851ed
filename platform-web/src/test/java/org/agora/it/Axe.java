package org.agora.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque's accessibility rules, from the WebJar on Maven Central) run in the page the browser shows: the
 * WCAG 2.1 A and AA rules, and what it finds of serious or critical impact, each as "rule: help (how many elements:
 * the first one's selector)".
 */
final class Axe {

    private static final String SOURCE = source();

    private Axe() {
    }

    private static String source() {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3")
                + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations of the page shown now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Browser browser) {
        var driver = browser.driver();
        driver.executeScript(SOURCE);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                  resultTypes: ['violations']})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({id: v.id, help: v.help, count: v.nodes.length,
                                   first: v.nodes[0].target.join(' '), html: v.nodes[0].html.substring(0, 160)}))))
                   .catch(e => done([{id: 'axe-error', help: String(e), count: 0, first: '', html: ''}]));
                """);
        List<String> found = new ArrayList<>();
        for (Object item : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) item;
            found.add(v.get("id") + ": " + v.get("help") + " (" + v.get("count") + ": " + v.get("first") + " " + v.get("html") + ")");
        }
        return found;
    }
}
