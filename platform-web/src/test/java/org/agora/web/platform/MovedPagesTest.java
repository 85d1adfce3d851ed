package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.annotation.WebFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every former page address leads to the page where it lives now, and the addresses of today are left alone. */
class MovedPagesTest {

    @ParameterizedTest
    @CsvSource({
            "/admin/district.xhtml, /territory/admin/district.xhtml",
            "/admin/districts.xhtml, /territory/admin/districts.xhtml",
            "/admin/themes.xhtml, /territory/admin/themes.xhtml",
            "/agent/district.xhtml, /territory/manage/district.xhtml",
            "/agent/index.xhtml, /territory/manage/index.xhtml",
            "/organise/consultation.xhtml, /consultations/manage/consultation.xhtml",
            "/organise/consultations.xhtml, /consultations/manage/index.xhtml",
            "/organise/questions.xhtml, /consultations/manage/questions.xhtml",
            "/manage/budget/call.xhtml, /budget/manage/call.xhtml",
            "/manage/budget/desk.xhtml, /budget/manage/desk.xhtml",
            "/manage/budget/envelope.xhtml, /budget/manage/envelope.xhtml",
            "/manage/budget/index.xhtml, /budget/manage/index.xhtml",
            "/manage/register.xhtml, /participation/manage/register.xhtml",
            "/budget/submit.xhtml, /budget/resident/submit.xhtml",
            "/budget/ballot.xhtml, /budget/resident/ballot.xhtml",
            "/budget/mine.xhtml, /budget/resident/mine.xhtml",
            "/council/documents.xhtml, /councils/documents.xhtml",
            "/council/edit.xhtml, /councils/manage/edit.xhtml",
            "/council/idea.xhtml, /councils/idea.xhtml",
            "/council/ideas.xhtml, /councils/ideas.xhtml",
            "/council/index.xhtml, /councils/index.xhtml",
            "/council/manage.xhtml, /councils/member/manage.xhtml",
            "/council/meeting-form.xhtml, /councils/member/meeting-form.xhtml",
            "/council/meeting.xhtml, /councils/meeting.xhtml",
            "/council/members.xhtml, /councils/member/members.xhtml",
            "/council/mine.xhtml, /councils/member/mine.xhtml",
            "/council/minutes.xhtml, /councils/member/minutes.xhtml",
            "/council/news.xhtml, /councils/news.xhtml",
            "/council/post.xhtml, /councils/post.xhtml",
            "/council/view.xhtml, /councils/view.xhtml"})
    void everyFormerPageLeadsToAPageThatExists(String old, String now) {
        assertThat(MovedPages.newAddress(old)).contains(now);
        assertThat(Files.exists(Path.of("src/main/webapp" + now))).as(now).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "/council/document, /councils/document",
            "/council/meeting.ics, /councils/meeting.ics",
            "/council/minutes.pdf, /councils/minutes.pdf"})
    void theCouncilFilesMovedWithTheirPages(String old, String now) {
        assertThat(MovedPages.newAddress(old)).contains(now);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.xhtml", "/me.xhtml", "/budget/call.xhtml", "/budget/manage/desk.xhtml",
            "/councils/view.xhtml", "/councils/manage/edit.xhtml", "/consultations/manage/index.xhtml", "/api/councils",
            "/territory/admin/districts.xhtml", "/reports/index.xhtml"})
    void todaysAddressesAreNotMoved(String path) {
        assertThat(MovedPages.newAddress(path)).isEmpty();
    }

    /** The filter is only called for the addresses its annotation names: every former address must be among them. */
    @Test
    void theFilterHearsEveryFormerAddress() {
        List<String> patterns = List.of(MovedPages.class.getAnnotation(WebFilter.class).urlPatterns());
        for (Map.Entry<String, String> move : MovedPages.MOVES) {
            assertThat(patterns).as(move.getKey()).anyMatch(pattern -> pattern.endsWith("/*")
                    ? move.getKey().startsWith(pattern.substring(0, pattern.length() - 1))
                    : move.getKey().equals(pattern));
        }
    }
}
