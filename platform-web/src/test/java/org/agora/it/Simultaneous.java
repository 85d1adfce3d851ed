package org.agora.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request sent by several clients at once, as a double click or a script would: the statuses it got. */
final class Simultaneous {

    private Simultaneous() {
    }

    static List<Integer> statuses(int attempts, Callable<Integer> request) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : pool.invokeAll(Collections.nCopies(attempts, request))) {
                try {
                    statuses.add(outcome.get());
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause());
                }
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
