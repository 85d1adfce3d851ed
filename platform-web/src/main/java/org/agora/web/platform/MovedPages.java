package org.agora.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' former addresses, from before the pages were filed one folder per capability, answered with a permanent
 * redirect (301) to where the page lives now, query string kept: residents' bookmarks, links in e-mails and calendar
 * subscriptions keep working. The first rule whose old address starts the path wins, so single pages come before
 * their folder.
 */
@WebFilter(urlPatterns = {"/council/*", "/manage/*", "/organise/*", "/admin/*", "/agent/*", "/budget/submit.xhtml",
        "/budget/ballot.xhtml", "/budget/mine.xhtml"})
public class MovedPages extends HttpFilter {

    static final List<Map.Entry<String, String>> MOVES = List.of(
            Map.entry("/council/edit.xhtml", "/councils/manage/edit.xhtml"),
            Map.entry("/council/mine.xhtml", "/councils/member/mine.xhtml"),
            Map.entry("/council/members.xhtml", "/councils/member/members.xhtml"),
            Map.entry("/council/manage.xhtml", "/councils/member/manage.xhtml"),
            Map.entry("/council/meeting-form.xhtml", "/councils/member/meeting-form.xhtml"),
            Map.entry("/council/minutes.xhtml", "/councils/member/minutes.xhtml"),
            Map.entry("/council/", "/councils/"),
            Map.entry("/manage/budget/", "/budget/manage/"),
            Map.entry("/budget/submit.xhtml", "/budget/resident/submit.xhtml"),
            Map.entry("/budget/ballot.xhtml", "/budget/resident/ballot.xhtml"),
            Map.entry("/budget/mine.xhtml", "/budget/resident/mine.xhtml"),
            Map.entry("/manage/register.xhtml", "/participation/manage/register.xhtml"),
            Map.entry("/organise/consultations.xhtml", "/consultations/manage/index.xhtml"),
            Map.entry("/organise/", "/consultations/manage/"),
            Map.entry("/admin/", "/territory/admin/"),
            Map.entry("/agent/", "/territory/manage/"));

    /** Where a former address now lives, if it is one. */
    static Optional<String> newAddress(String path) {
        return MOVES.stream().filter(move -> path.startsWith(move.getKey())).findFirst()
                .map(move -> move.getValue() + path.substring(move.getKey().length()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> moved = newAddress(path);
        if (moved.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + moved.get() + (query == null ? "" : "?" + query));
    }
}
