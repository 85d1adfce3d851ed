package org.agora.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.nio.charset.StandardCharsets;

/**
 * Reads every request body as UTF-8, the encoding of every page. Browsers send a form without naming its charset
 * (neither {@code application/x-www-form-urlencoded} nor a multipart text part carries one), and the container's
 * default, ISO-8859-1, would store "pollué" as "polluÃ©". Set on the context so that it holds before anything
 * (the security layer included) reads a parameter.
 */
@WebListener
public class Utf8Requests implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setRequestCharacterEncoding(StandardCharsets.UTF_8.name());
    }
}
