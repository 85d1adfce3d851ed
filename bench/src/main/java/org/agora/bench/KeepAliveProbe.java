package org.agora.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Why requests can go unanswered after a pause: run in a JVM of its own (its client's keep-alive setting is
 * JVM-wide), it opens {@code connections} connections to the app with as many simultaneous PUT /api/ping, leaves them
 * idle for {@code idle} seconds, then sends as many PUTs again at once, and prints what came back each time. A PUT is
 * not retried by the JDK's client when the connection it took from its pool turns out to be closed (only GET and HEAD
 * are), so a connection the server closed while it sat idle in the client's pool shows as a request with no answer.
 * Arguments: app url, bearer token, connections, idle seconds.
 */
public final class KeepAliveProbe {

    private KeepAliveProbe() {
    }

    public static void main(String[] args) throws Exception {
        String app = args[0];
        String token = args[1];
        int connections = Integer.parseInt(args[2]);
        int idle = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        HttpRequest ping = Http.request(app + "/api/ping", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"projects\":[1,2,3]}")).build();
        String keepAlive = System.getProperty("jdk.httpclient.keepalive.timeout", "JDK default (1200)");
        System.out.println("probe, client keep-alive timeout " + keepAlive + " s: " + connections + " PUTs at once: "
                + burst(client, ping, connections));
        Thread.sleep(idle * 1000L);
        System.out.println("probe, client keep-alive timeout " + keepAlive + " s: " + connections + " PUTs at once after "
                + idle + " s idle: " + burst(client, ping, connections));
        System.exit(0);
    }

    private static String burst(HttpClient client, HttpRequest request, int n) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        for (int i = 0; i < n; i++) {
            pool.execute(() -> {
                int status;
                try {
                    go.await();
                    status = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    status = -1;
                    errors.merge(String.valueOf(e), 1, Integer::sum);
                }
                synchronized (statuses) {
                    statuses.merge(status, 1, Integer::sum);
                }
            });
        }
        go.countDown();
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        return "answers " + statuses + (errors.isEmpty() ? "" : "; no answer: " + errors);
    }
}
