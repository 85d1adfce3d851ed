package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sign-in and language links send people back only to pages of this application (no open redirect). */
class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/me.xhtml", "/territory/manage/district.xhtml?district=nord"})
    void pagesOfTheApplicationAreKept(String path) {
        assertThat(LocalPath.orHome(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "me.xhtml",
            "/x\r\nSet-Cookie: a=b", "javascript:alert(1)"})
    void anythingElseMeansHome(String path) {
        assertThat(LocalPath.orHome(path)).isEqualTo("/");
    }
}
