package org.agora.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * pgbench on the same database and schema, with the SQL the vote writes: the has-voted mark, the ballot and its
 * three choices, in one transaction. One script per envelope (equal weights), each choosing three distinct
 * projects of its envelope at random, as the HTTP voters do.
 */
final class PgBench {

    /** What pgbench reported. */
    record Run(int clients, double tps, long transactions, long failed, double latencyMillis, double clientCpuMillis,
               double serverCpuMillis, String output) {
    }

    private final Path dir;
    private final List<String> connection;
    private final String schema;
    private final List<Path> scripts = new ArrayList<>();

    PgBench(Path dir, String host, int port, String user, String database, String schema) {
        this.dir = dir;
        this.connection = List.of("-h", host, "-p", String.valueOf(port), "-U", user, database);
        this.schema = schema;
    }

    /** Writes the scripts: envelope id -> the project ids on its ballot. */
    void prepare(Map<Long, List<Long>> projectsByEnvelope) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<Long, List<Long>> envelope : projectsByEnvelope.entrySet()) {
            List<Long> ids = envelope.getValue();
            if (ids.size() < 3) {
                throw new IllegalStateException("an envelope with fewer than 3 projects: " + envelope.getKey());
            }
            String array = "('{" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}'::bigint[])";
            String script = String.join("\n",
                    "-- one online vote in envelope " + envelope.getKey() + " (written by bench/run)",
                    "\\set n " + ids.size(),
                    "\\set a random(1, :n)",
                    "\\set d random(1, (:n - 1) / 2)",
                    "\\set b 1 + ((:a - 1 + :d) % :n)",
                    "\\set c 1 + ((:a - 1 + 2 * :d) % :n)",
                    "BEGIN;",
                    "INSERT INTO residents (id, account, enlisted_at) VALUES (nextval('resident_ids'),"
                            + " 'pgbench-' || gen_random_uuid(), now()) RETURNING id AS rid \\gset",
                    "INSERT INTO vote_marks (call_id, scope, resident_id, envelope_id, channel) SELECT call_id,"
                            + " CASE WHEN district_code IS NULL THEN 'CITY' ELSE 'DISTRICT' END, :rid, id, 'ONLINE'"
                            + " FROM envelopes WHERE id = " + envelope.getKey() + ";",
                    "INSERT INTO ballots (id, envelope_id, channel) VALUES (gen_random_uuid()::text, " + envelope.getKey()
                            + ", 'ONLINE') RETURNING id AS bid \\gset",
                    "INSERT INTO ballot_choices (ballot_id, project_id, points) VALUES (:bid, " + array + "[:a], 1), (:bid, "
                            + array + "[:b], 1), (:bid, " + array + "[:c], 1);",
                    "END;", "");
            Path file = dir.resolve("vote-" + envelope.getKey() + ".sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            scripts.add(file);
        }
    }

    Run run(int clients, int seconds, Schema db) throws Exception {
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds)));
        for (Path script : scripts) {
            command.add("-f");
            command.add(script + "@1");
        }
        command.addAll(connection);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c search_path=" + schema);
        Process process = builder.start();
        String output;
        int exit;
        double clientCpu;
        double serverCpu;
        try (java.sql.Connection c = db.connect();
             Cpu.Watch client = new Cpu.Watch(() -> List.of(process.pid()));
             Cpu.Watch server = new Cpu.Watch(() -> {
                 try {
                     return db.backends(c, "pgbench");
                 } catch (java.sql.SQLException e) {
                     return List.of();
                 }
             })) {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = process.waitFor();
            clientCpu = client.millis();
            serverCpu = server.millis();
        }
        if (exit != 0) {
            throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + output);
        }
        return new Run(clients, number(output, "tps = ([0-9.]+) \\(without initial connection time\\)"),
                (long) number(output, "number of transactions actually processed: ([0-9]+)"),
                (long) numberOr(output, "number of failed transactions: ([0-9]+)", 0),
                number(output, "latency average = ([0-9.]+) ms"), clientCpu, serverCpu, output);
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no '" + regex + "' in the output of pgbench:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String output, String regex, double fallback) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }
}
