// The mail catcher of ./platform run: an SMTP server (GreenMail, from greenmail-standalone, fetched by Maven like
// Payara Micro) that keeps every mail in memory, and one page on 127.0.0.1 that lists them, newest first, with their
// headers and text, so a newcomer reads what the platform and Keycloak sent. For development only: it accepts any
// mail for anyone and keeps nothing after it stops.
//
//   java -cp .work/greenmail-standalone.jar mail-catcher/MailCatcher.java [smtpPort] [webPort]    (3025, 8025)
//
// GreenMail standalone's own web page (its REST API's Swagger UI) lists the messages of one address at a time as raw
// MIME; this page lists all of them, decoded.

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;

public class MailCatcher {

    public static void main(String[] args) throws IOException {
        int smtpPort = args.length > 0 ? Integer.parseInt(args[0]) : 3025;
        int webPort = args.length > 1 ? Integer.parseInt(args[1]) : 8025;
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/", exchange -> page(exchange, smtp));
        web.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop(0);
            smtp.stop();
        }));
        System.out.println("[mail-catcher] SMTP on 127.0.0.1:" + smtpPort + ", mails listed on http://127.0.0.1:" + webPort + "/");
    }

    private static void page(HttpExchange exchange, GreenMail smtp) throws IOException {
        if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/purge")) {
            try {
                smtp.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IOException(e);
            }
            exchange.getResponseHeaders().add("Location", "/");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
            return;
        }
        MimeMessage[] mails = smtp.getReceivedMessages();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<title>Mail catcher</title><style>body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}"
                + "article{border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}dt{font-weight:bold}</style></head><body>"
                + "<h1>Mails sent by the platform (" + mails.length + ")</h1>"
                + "<p>Development only: every mail sent to this SMTP server, newest first; nothing is delivered.</p>"
                + "<form method=\"post\" action=\"/purge\"><button>Delete all</button></form>");
        for (int i = mails.length - 1; i >= 0; i--) {
            html.append(article(mails[i], i + 1));
        }
        byte[] body = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String article(MimeMessage mail, int number) {
        try {
            Date sent = mail.getSentDate();
            return "<article id=\"mail-" + number + "\"><h2>" + escape(String.valueOf(mail.getSubject())) + "</h2><dl>"
                    + "<dt>To</dt><dd>" + escape(addresses(mail.getAllRecipients())) + "</dd>"
                    + "<dt>From</dt><dd>" + escape(addresses(mail.getFrom())) + "</dd>"
                    + "<dt>Date</dt><dd>" + escape(String.valueOf(sent)) + "</dd>"
                    + header(mail, "List-Unsubscribe") + header(mail, "Content-Language")
                    + "</dl><pre>" + escape(text(mail)) + "</pre></article>";
        } catch (Exception e) {
            return "<article><p>Mail " + number + " cannot be read: " + escape(e.toString()) + "</p></article>";
        }
    }

    private static String header(MimeMessage mail, String name) throws Exception {
        String[] values = mail.getHeader(name);
        return values == null ? "" : "<dt>" + name + "</dt><dd>" + escape(String.join(", ", values)) + "</dd>";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }

    /** The text of the mail: its text/plain part if it has one, else its first part as it is. */
    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
                    return text(child);
                }
            }
            return multipart.getCount() > 0 ? text(multipart.getBodyPart(0)) : "";
        }
        return "(" + part.getContentType() + ")";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
