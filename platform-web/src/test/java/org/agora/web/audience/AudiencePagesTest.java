package org.agora.web.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.agora.audience.CountedPage;
import org.junit.jupiter.api.Test;

/** Every page of the application is counted under a capability, unless it is a staff's page or an error page. */
class AudiencePagesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");

    private static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/") && !p.startsWith("/resources/"))
                    .sorted().toList();
        }
    }

    private static boolean staffOrError(String page) {
        return page.contains("/manage/") || page.contains("/admin/") || page.startsWith("/moderation/")
                || page.startsWith("/reports/") || page.startsWith("/error/");
    }

    @Test
    void thePublicsAndResidentsPagesAreCountedTheStaffsAndErrorsAreNot() throws IOException {
        List<String> pages = pages();
        assertThat(pages).contains("/index.xhtml", "/budget/projects.xhtml", "/reports/index.xhtml");
        for (String page : pages) {
            assertThat(CountedPage.of("GET", page).isPresent()).as(page).isEqualTo(!staffOrError(page));
        }
        assertThat(CountedPage.of("GET", "/consultations/view.xhtml").orElseThrow().capability().name())
                .isEqualTo("CONSULTATION");
    }

    @Test
    void theVisitorsAddressIsTheConnectionsOrTheOneTheProxyAdded() {
        assertThat(AudienceRecorder.address("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(AudienceRecorder.address("10.0.0.5", " ")).isEqualTo("10.0.0.5");
        assertThat(AudienceRecorder.address("10.0.0.5", "198.51.100.7")).isEqualTo("198.51.100.7");
        // whatever the client wrote first, the proxy's own addition is last
        assertThat(AudienceRecorder.address("10.0.0.5", "1.2.3.4, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(AudienceRecorder.address("10.0.0.5", "198.51.100.7, ")).isEqualTo("198.51.100.7");
    }
}
