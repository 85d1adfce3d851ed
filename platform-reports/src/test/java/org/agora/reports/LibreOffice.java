package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice's {@code soffice}, run headless on a file for the tests that check what LibreOffice makes of a workbook.
 * Each run has a profile of its own (removed afterwards), so runs in parallel do not share one. Absent, the test fails
 * saying how to install it, unless {@code -Dagora.test.libreoffice=skip} leaves those tests out on purpose.
 */
final class LibreOffice {

    static final String OPT_OUT = "agora.test.libreoffice";
    private static final List<String> PLACES = List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice");

    private final Path soffice;

    private LibreOffice(Path soffice) {
        this.soffice = soffice;
    }

    /** The installed LibreOffice; the test fails (or, opted out, is skipped) when there is none. */
    static LibreOffice installed() {
        if ("skip".equals(System.getProperty(OPT_OUT))) {
            Assumptions.abort("LibreOffice left out on purpose (-D" + OPT_OUT + "=skip)");
        }
        Optional<Path> found = find();
        if (found.isEmpty()) {
            fail("LibreOffice is needed to check that the KPI workbook opens cleanly, and no soffice was found (PATH, "
                    + String.join(", ", PLACES) + "). Install it: `sudo apt-get install libreoffice-calc-nogui` on "
                    + "Debian (./platform test installs it when it runs as root), or run with -D" + OPT_OUT
                    + "=skip to leave this test out.");
        }
        return new LibreOffice(found.get());
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "soffice"));
            }
        }
        PLACES.forEach(p -> candidates.add(Path.of(p)));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Converts {@code file} with one start of LibreOffice ({@code --convert-to target}) into {@code outdir} and returns
     * what it printed; fails when it does not end in time, ends with an error status or prints an error.
     */
    String convert(Path file, String target, Path outdir) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lo-" + UUID.randomUUID());
        Path log = Files.createTempFile("lo-", ".log");
        try {
            Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "--nolockcheck",
                    "-env:UserInstallation=" + profile.toUri(), "--convert-to", target, "--outdir", outdir.toString(),
                    file.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("LibreOffice did not convert " + file + " within 120 s: " + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("soffice's exit status; it printed: %s", output).isZero();
            assertThat(output).as("what soffice printed").doesNotContainIgnoringCase("error");
            return output;
        } finally {
            delete(profile);
            Files.deleteIfExists(log);
        }
    }

    /** The version LibreOffice says it is ({@code LibreOffice 7.4.7.2 ...}). */
    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(soffice.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out.strip();
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
