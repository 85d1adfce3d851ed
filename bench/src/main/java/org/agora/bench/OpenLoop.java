package org.agora.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Voters who arrive on their own: a Poisson process (exponential times between arrivals, at a steady mean rate), each
 * request sent at its scheduled time whatever the earlier ones are doing (asynchronously, so a slow answer never holds
 * back the next voter), and its latency counted from the scheduled time, not from when it could be sent: a stall of
 * the app or of the load generator shows in the figures instead of being hidden (no coordinated omission).
 */
final class OpenLoop {

    /** When each request is due, in nanoseconds after the start: {@code count} arrivals at {@code rate} a second. */
    static long[] schedule(double rate, double seconds, long seed) {
        Random random = new Random(seed);
        java.util.List<Long> due = new java.util.ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / rate;
            if (t >= seconds) {
                break;
            }
            due.add((long) (t * 1e9));
        }
        return due.stream().mapToLong(Long::longValue).toArray();
    }

    /** What came back: per request its HTTP status (-1: no answer) and latency from its scheduled time. */
    record Result(int[] statuses, long[] nanos, Map<String, Integer> errors, double seconds, double maxSendLagMillis) {

        Map<Integer, Integer> byStatus() {
            Map<Integer, Integer> by = new TreeMap<>();
            for (int s : statuses) {
                by.merge(s, 1, Integer::sum);
            }
            return by;
        }
    }

    private OpenLoop() {
    }

    static Result run(HttpClient client, java.util.List<HttpRequest> requests, long[] due) throws Exception {
        int n = Math.min(requests.size(), due.length);
        int[] statuses = new int[n];
        long[] nanos = new long[n];
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[n];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long maxLag = 0;
        for (int i = 0; i < n; i++) {
            long at = start + due[i];
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - at);
            int index = i;
            pending[i] = client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        nanos[index] = System.nanoTime() - at;
                        if (error != null) {
                            statuses[index] = -1;
                            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            errors.merge(String.valueOf(cause), 1, Integer::sum);
                        } else {
                            statuses[index] = response.statusCode();
                        }
                    });
        }
        try {
            CompletableFuture.allOf(pending).get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            // recorded per request above
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(statuses, nanos, errors, seconds, maxLag / 1e6);
    }
}
