package org.agora.web.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.agora.shared.DistrictCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counter against a stand-in for Keycloak's token endpoint and admin API (the JDK's HTTP server): what it asks,
 * how it reads the answers, how long it keeps them, and that a slow or absent Keycloak only makes the figure unknown.
 */
class KeycloakResidentCounterTest {

    private static final DistrictCode NORD = new DistrictCode("nord");
    private static final DistrictCode SUD = new DistrictCode("sud");

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-03-01T10:00:00Z"));
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer keycloak;
    private volatile Duration delay = Duration.ZERO;
    private volatile int countStatus = 200;

    @BeforeEach
    void start() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.setExecutor(Executors.newCachedThreadPool());
        keycloak.createContext("/realms/agora/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add("token " + form);
            answer(exchange, 200, "{\"access_token\": \"the-token\", \"expires_in\": 300, \"token_type\": \"Bearer\"}");
        });
        keycloak.createContext("/admin/realms/agora/", this::admin);
        keycloak.start();
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
        executor.shutdownNow();
    }

    /** Nord: 5 enabled accounts, among them an agent who is not a resident and one who also is; sud: 2, no staff. */
    private void admin(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/admin/realms/agora/".length());
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(path + "?" + query + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        sleep(delay);
        Map<String, String> staff = Map.of(
                "roles/district-agent/users", """
                        [{"id": "a1", "username": "agent", "enabled": true, "attributes": {"district": ["nord"]}},
                         {"id": "a2", "username": "agent.resident", "enabled": true, "attributes": {"district": ["nord"]}},
                         {"id": "a3", "username": "former.agent", "enabled": false, "attributes": {"district": ["nord"]}}]""",
                "roles/moderator/users", """
                        [{"id": "m1", "username": "moderator", "enabled": true, "attributes": {"district": ["centre"]}},
                         {"id": "a1", "username": "agent", "enabled": true, "attributes": {"district": ["nord"]}}]""",
                "roles/office-admin/users", "[{\"id\": \"o1\", \"username\": \"office\", \"enabled\": true}]",
                "roles/analyst/users", "[]",
                "users/a1/role-mappings/realm/composite", "[{\"name\": \"district-agent\"}, {\"name\": \"moderator\"}]",
                "users/a2/role-mappings/realm/composite", "[{\"name\": \"district-agent\"}, {\"name\": \"resident\"}]",
                "users/m1/role-mappings/realm/composite", "[{\"name\": \"moderator\"}]");
        if (path.equals("users/count")) {
            long count = query.contains("district%3Anord") ? 5 : query.contains("district%3Asud") ? 2 : 0;
            answer(exchange, countStatus, countStatus == 200 ? String.valueOf(count) : "{\"error\": \"HTTP 403 Forbidden\"}");
        } else if (staff.containsKey(path)) {
            answer(exchange, 200, staff.get(path));
        } else {
            answer(exchange, 404, "{\"error\": \"unknown\"}");
        }
    }

    private KeycloakResidentCounter counter(URI base, Duration timeout) {
        return new KeycloakResidentCounter(base, "agora", "agora-resident-count", "s3cret&more", timeout,
                Duration.ofMinutes(5), now::get, executor);
    }

    private KeycloakResidentCounter counter() {
        return counter(URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort() + "/"), Duration.ofSeconds(2));
    }

    @Test
    void enabledAccountsOfTheDistrictLessTheStaffWhoAreNotResidents() {
        KeycloakResidentCounter counter = counter();

        assertThat(counter.inDistrict(NORD)).contains(4L);
        assertThat(counter.inDistrict(SUD)).contains(2L);
        assertThat(requests).contains("token grant_type=client_credentials&client_id=agora-resident-count&client_secret=s3cret%26more",
                "users/count?q=district%3Anord&enabled=true Bearer the-token",
                "roles/district-agent/users?briefRepresentation=false&first=0&max=100 Bearer the-token",
                "users/a1/role-mappings/realm/composite?briefRepresentation=true Bearer the-token");
        // the staff were listed once for both districts, and nobody is asked about twice
        assertThat(requests).filteredOn(r -> r.startsWith("roles/moderator/")).hasSize(1);
        assertThat(requests).filteredOn(r -> r.startsWith("users/a1/")).hasSize(1);
        assertThat(requests).filteredOn(r -> r.startsWith("token")).hasSize(1);
    }

    @Test
    void aCountIsKeptForItsFreshnessThenAskedAgain() {
        KeycloakResidentCounter counter = counter();
        counter.inDistrict(NORD);
        int asked = requests.size();

        now.set(now.get().plus(Duration.ofMinutes(4)));
        assertThat(counter.inDistrict(NORD)).contains(4L);
        assertThat(requests).hasSize(asked);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(counter.inDistrict(NORD)).contains(4L);
        assertThat(requests).filteredOn(r -> r.startsWith("users/count")).hasSize(2);
    }

    @Test
    void aKeycloakThatIsDownMakesTheFigureUnknownAndIsNotAskedAgainAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KeycloakResidentCounter counter = counter(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

        long start = System.nanoTime();
        assertThat(counter.inDistrict(NORD)).isEmpty();
        assertThat(counter.inDistrict(NORD)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRefusalIsRetriedOnlyAfterAWhile() {
        countStatus = 403; // the service account lacks view-users
        KeycloakResidentCounter counter = counter();

        assertThat(counter.inDistrict(NORD)).isEmpty();
        countStatus = 200;
        now.set(now.get().plusSeconds(10));
        assertThat(counter.inDistrict(NORD)).isEmpty();
        assertThat(requests).filteredOn(r -> r.startsWith("users/count")).hasSize(1);

        now.set(now.get().plus(KeycloakResidentCounter.RETRY_AFTER));
        assertThat(counter.inDistrict(NORD)).contains(4L);
    }

    @Test
    void aSlowKeycloakIsNotWaitedForAndItsLateAnswerServesTheNextPage() throws InterruptedException {
        delay = Duration.ofMillis(150);
        KeycloakResidentCounter counter = counter(URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort()),
                Duration.ofMillis(100));

        long start = System.nanoTime();
        assertThat(counter.inDistrict(SUD)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));

        delay = Duration.ZERO;
        Optional<Long> later = Optional.empty();
        for (int i = 0; i < 50 && later.isEmpty(); i++) {
            Thread.sleep(100);
            later = counter.inDistrict(SUD);
        }
        assertThat(later).contains(2L);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
