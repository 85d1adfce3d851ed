package org.agora.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.agora.shared.InvalidInputException;

/**
 * How the API reads JSON bodies: strictly. A property the endpoint does not know is refused (400) instead of being
 * skipped, so that a misspelt field ({@code premoderated}) is an error rather than a silent default; a text holding a
 * control character is refused; and a body nested deeper than {@link #MAX_DEPTH} is refused as it streams in, before
 * a parser recurses into it.
 */
public final class JsonBodies {

    /** Far above the deepest body of the API (a questionnaire's condition inside a question inside the list: 4). */
    static final int MAX_DEPTH = 32;

    /** The most of a refused body read and dropped: the largest body taken at all (agora.http.max-body-megabytes). */
    static final long DRAINED = 25L * 1024 * 1024;

    private JsonBodies() {
    }

    @Provider
    public static class Strict implements ContextResolver<Jsonb> {

        private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
                .setProperty("jsonb.fail-on-unknown-properties", true));

        @Override
        public Jsonb getContext(Class<?> type) {
            return JSONB;
        }
    }

    @Provider
    public static class Guard implements ReaderInterceptor {

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            MediaType type = context.getMediaType();
            if (type != null && type.getSubtype().endsWith("json")) {
                context.setInputStream(new Nesting(context.getInputStream()));
            }
            return context.proceed();
        }
    }

    /**
     * Follows the JSON passing through: its nesting outside strings, stopped past the limit; and the characters of its
     * strings, stopped at a control character (other than tab and line breaks: a NUL, which PostgreSQL refuses at the
     * write, a terminal's escape sequence, DEL, the C1 controls) or half of a surrogate pair, written as an escape
     * ({@code \u0000}) or as the character itself. Each refusal says why ({@link InvalidInputException}, 400).
     */
    static final class Nesting extends FilterInputStream {

        private int depth;
        private boolean inString;
        private boolean escaped;
        /** Hex digits still to read of a {@code \\u} escape, or -1. */
        private int hexLeft = -1;
        private int code;
        /** An escaped high surrogate was read: its low half must follow as the next escape. */
        private boolean highPending;
        /** The previous byte of a string was 0xC2, the lead byte of the C1 controls. */
        private boolean afterC2;

        Nesting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                follow((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = 0; i < read; i++) {
                follow(buffer[offset + i]);
            }
            return read;
        }

        private void follow(byte b) {
            if (!inString) {
                outside(b);
                return;
            }
            if (hexLeft > 0) {
                code = code * 16 + Character.digit(b, 16);
                if (--hexLeft == 0) {
                    hexLeft = -1;
                    escapedCharacter(code);
                }
                return;
            }
            if (escaped) {
                escaped = false;
                if (b == 'u') {
                    hexLeft = 4;
                    code = 0;
                } else if (highPending) {
                    throw drained(refused());
                }
                return;
            }
            if (highPending && b != '\\') {
                throw drained(refused());
            }
            if (b == 0x7F || (afterC2 && (b & 0xFF) >= 0x80 && (b & 0xFF) <= 0x9F)) {
                throw drained(refused());
            }
            afterC2 = (b & 0xFF) == 0xC2;
            if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
        }

        private void outside(byte b) {
            if (b == '"') {
                inString = true;
                afterC2 = false;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_DEPTH) {
                    throw drained(new InvalidInputException(null, "api.body.tooDeep", MAX_DEPTH));
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }

        private void escapedCharacter(int c) {
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            if (control || (Character.isLowSurrogate((char) c) != highPending)) {
                throw drained(refused());
            }
            highPending = Character.isHighSurrogate((char) c);
        }

        /**
         * The refusal, once the rest of the body is read and dropped (at most {@link #DRAINED} bytes): a client still
         * sending it would otherwise wait on a connection the server no longer reads, and never see the answer.
         */
        private InvalidInputException drained(InvalidInputException refusal) {
            try {
                long left = DRAINED;
                byte[] sink = new byte[8192];
                for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
                    left -= n;
                }
            } catch (IOException e) {
                // the client went away: nothing to answer
            }
            return refusal;
        }

        private static InvalidInputException refused() {
            return new InvalidInputException(null, "api.body.controlCharacter");
        }
    }
}
