package org.agora.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of the pages: French or English, chosen with the switch in the header and kept in a cookie
 * (no server state, so any instance serves the next request); otherwise the browser's preference; French
 * by default.
 */
@Named
@RequestScoped
public class Language {

    static final String COOKIE = "agora-lang";

    @Inject
    private HttpServletRequest request;

    private Locale current;

    public Locale getCurrent() {
        if (current == null) {
            current = fromCookie().orElseGet(() -> Texts.preferred(request));
        }
        return current;
    }

    public String getCode() {
        return getCurrent().getLanguage();
    }

    /** The language the switch offers: the one not in use. */
    public String getOther() {
        return "fr".equals(getCode()) ? "en" : "fr";
    }

    /** The path of the page being shown, for the switch and the sign-in link to come back to. */
    public String getHere() {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private Optional<Locale> fromCookie() {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> COOKIE.equals(c.getName()))
                .flatMap(c -> Texts.supported(c.getValue()).stream())
                .findFirst();
    }
}
