package org.agora.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time that processes of this machine used (Linux /proc): how much work a ballot costs, a figure that holds
 * even when other processes load the cores and stretch the wall-clock times.
 */
final class Cpu {

    private static final double TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    private Cpu() {
    }

    /** User + system CPU of a process so far, in milliseconds; 0 when it is gone. */
    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double millis(List<Long> pids) {
        return pids.stream().mapToDouble(Cpu::millis).sum();
    }

    /** This JVM (the load generator). */
    static double self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    /**
     * Follows processes that come and go (pgbench and its backends, the app's pooled connections): the last CPU figure
     * seen for each, less what it had used already when the watch started if {@code fromNow}.
     */
    static final class Watch implements AutoCloseable {

        private final java.util.function.Supplier<List<Long>> pids;
        private final Map<Long, Double> seen = new ConcurrentHashMap<>();
        private final Map<Long, Double> before = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        Watch(java.util.function.Supplier<List<Long>> pids) {
            this(pids, false);
        }

        Watch(java.util.function.Supplier<List<Long>> pids, boolean fromNow) {
            this.pids = pids;
            if (fromNow) {
                for (long pid : pids.get()) {
                    before.put(pid, Cpu.millis(pid));
                }
            }
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void sample() {
            for (long pid : pids.get()) {
                double used = Cpu.millis(pid);
                if (used > 0) {
                    seen.merge(pid, used, Math::max);
                }
            }
        }

        /** The CPU used so far (sampled once more now). */
        double millis() {
            sample();
            return seen.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
