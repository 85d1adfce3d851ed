package org.agora.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.agora.it.Platform.DemoUser;

/**
 * The authorization matrix (authorization-matrix.txt beside this class): for every page, file and API endpoint of
 * the application, whether each kind of caller is served ({@code +}) or refused ({@code -}: 401, 403, 404, or sent to
 * sign in). One line per address, one column per caller; see the file's header.
 */
final class AuthorizationMatrix {

    static final String RESOURCE = "authorization-matrix.txt";

    /** The callers of the matrix's columns, in their order. */
    enum Caller {
        VISITOR('V', null, AuthorizationFixture.NORD),
        RESIDENT('R', DemoUser.RESIDENT, AuthorizationFixture.NORD),
        AGENT('A', DemoUser.AGENT, AuthorizationFixture.NORD),
        /** Nord's agent asking about Sud's items: the district mismatch. */
        AGENT_ELSEWHERE('X', DemoUser.AGENT, AuthorizationFixture.SUD),
        MODERATOR('M', DemoUser.MODERATOR, AuthorizationFixture.NORD),
        OFFICE('O', DemoUser.OFFICE_ADMIN, AuthorizationFixture.NORD),
        ANALYST('N', DemoUser.ANALYST, AuthorizationFixture.NORD);

        final char letter;
        final DemoUser user;
        final String district;

        Caller(char letter, DemoUser user, String district) {
            this.letter = letter;
            this.user = user;
            this.district = district;
        }

        @Override
        public String toString() {
            return name().toLowerCase() + (user == null ? "" : " (" + user.username + ", items of " + district + ")");
        }
    }

    /** One line: a method, an address with placeholders, the expected answer to each caller. */
    record Row(String method, String address, String cells, int line) {

        boolean served(Caller caller) {
            return cells.charAt(caller.ordinal()) == '+';
        }

        boolean reads() {
            return method.equals("GET");
        }

        boolean api() {
            return address.startsWith("/api/");
        }

        /** The address as {@link Targets} names it: no query, variables written {@code {}}. */
        Targets.Target target() {
            int query = address.indexOf('?');
            return new Targets.Target(method, Targets.normalized(query < 0 ? address : address.substring(0, query)));
        }
    }

    private AuthorizationMatrix() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                AuthorizationMatrix.class.getResourceAsStream(RESOURCE)), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                int comment = line.indexOf(" #");
                String content = (line.startsWith("#") ? "" : comment < 0 ? line : line.substring(0, comment)).trim();
                if (content.isEmpty()) {
                    continue;
                }
                String[] parts = content.split("\\s+");
                if (parts.length != 2 + Caller.values().length) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected a method, an address and "
                            + Caller.values().length + " cells: " + line);
                }
                StringBuilder cells = new StringBuilder();
                for (int i = 2; i < parts.length; i++) {
                    if (!parts[i].equals("+") && !parts[i].equals("-")) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": a cell is + or -: " + line);
                    }
                    cells.append(parts[i]);
                }
                rows.add(new Row(parts[0], parts[1], cells.toString(), number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
