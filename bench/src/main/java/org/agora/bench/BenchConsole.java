package org.agora.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the benchmarks and drills print: lines as they go, and the figures kept for the summary at the end. */
final class BenchConsole {

    private final List<String> summary = new ArrayList<>();

    /** One line, formatted with the root locale (figures read the same everywhere), flushed at once. */
    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** A figure: said now, and kept for the summary. */
    void figure(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        summary.add(line);
        say("  %s", line);
    }

    /** A line for the summary only. */
    void keep(String line) {
        summary.add(line);
    }

    List<String> summary() {
        return summary;
    }
}
