package org.agora.budget.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.budget.call.PabulibEntry;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.shared.InvalidInputException;
import org.agora.shared.MessageKey;

/**
 * Reads and writes the open Pabulib format (pabulib.org/format): UTF-8 text with the sections {@code META},
 * {@code PROJECTS} and {@code VOTES} in this order, each a table of {@code ;}-separated fields under a
 * header row; a field may be quoted with {@code "} (a quote inside doubled). A malformed file is refused
 * as a whole with {@code budget.pabulib.malformed}, whose arguments are the line number (from 1), the reason
 * (a {@link MessageKey} under {@link #REASON}) and the text at fault.
 */
public final class PabulibFile {

    public static final String MALFORMED = "budget.pabulib.malformed";

    /** The prefix of the reason's message key, e.g. {@code budget.pabulib.reason.wrongColumnCount}. */
    public static final String REASON = "budget.pabulib.reason.";
    private static final String FIELD = "file";
    private static final List<String> SECTIONS = List.of("META", "PROJECTS", "VOTES");

    private PabulibFile() {
    }

    /** Reads a whole file; refuses it with the line number of the first problem. */
    public static PabulibElection read(Reader source) {
        try {
            return new Parser(new BufferedReader(source)).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the election as a .pb file that {@link #read(Reader)} reads back to an equal election, a line at a time
     * (a city's vote holds hundreds of thousands of ballots: the file is never whole in memory). A value that cannot be
     * written (a line break) is refused before anything is written ({@link #requireWritable}).
     */
    public static void write(PabulibElection election, Writer target) {
        List<String> voteColumns = voteColumns(election);
        String head = head(election, voteColumns);
        requireWritableVotes(election);
        boolean cumulative = "cumulative".equals(election.voteType());
        int fixed = cumulative ? 3 : 2;
        try {
            target.write(head);
            StringBuilder out = new StringBuilder();
            for (PabulibVote vote : election.votes()) {
                List<String> row = new ArrayList<>();
                row.add(vote.voterId());
                row.add(String.join(",", vote.ballot().projects().stream().map(ProjectId::value).toList()));
                if (cumulative) {
                    Ballot.Cumulative ballot = (Ballot.Cumulative) vote.ballot();
                    row.add(String.join(",", ballot.points().values().stream().map(String::valueOf).toList()));
                }
                voteColumns.subList(fixed, voteColumns.size())
                        .forEach(column -> row.add(vote.columns().getOrDefault(column, "")));
                out.setLength(0);
                line(out, row);
                target.append(out);
            }
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses, as {@link #write} would, an election with a value that cannot be written (a line break). */
    public static void requireWritable(PabulibElection election) {
        head(election, voteColumns(election));
        requireWritableVotes(election);
    }

    /** The sections META and PROJECTS, and the header of VOTES ({@code voteColumns}). */
    private static String head(PabulibElection election, List<String> voteColumns) {
        StringBuilder head = new StringBuilder();
        head.append("META\n");
        line(head, List.of("key", "value"));
        election.meta().forEach((key, value) -> line(head, List.of(key, value)));

        head.append("PROJECTS\n");
        List<String> projectColumns = new ArrayList<>(List.of("project_id", "cost"));
        election.projects().forEach(p -> p.columns().keySet().stream()
                .filter(k -> !projectColumns.contains(k)).forEach(projectColumns::add));
        line(head, projectColumns);
        for (PabulibProject project : election.projects()) {
            List<String> row = new ArrayList<>(List.of(project.id().value(), Long.toString(project.cost().amount())));
            projectColumns.subList(2, projectColumns.size())
                    .forEach(column -> row.add(project.columns().getOrDefault(column, "")));
            line(head, row);
        }

        head.append("VOTES\n");
        line(head, voteColumns);
        return head.toString();
    }

    /** The columns of VOTES: the voter, the vote, the points of a cumulative vote, then the others of the votes. */
    private static List<String> voteColumns(PabulibElection election) {
        List<String> voteColumns = new ArrayList<>(List.of("voter_id", "vote"));
        if ("cumulative".equals(election.voteType())) {
            voteColumns.add("points");
        }
        election.votes().forEach(v -> v.columns().keySet().stream()
                .filter(k -> !voteColumns.contains(k)).forEach(voteColumns::add));
        return voteColumns;
    }

    private static void requireWritableVotes(PabulibElection election) {
        for (PabulibVote vote : election.votes()) {
            quoted(vote.voterId());
            vote.columns().values().forEach(PabulibFile::quoted);
        }
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append('\n');
    }

    private static String quoted(String field) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            throw new InvalidInputException(FIELD, "budget.pabulib.lineBreakInValue", field);
        }
        boolean needsQuotes = field.contains(";") || field.contains("\"") || !field.equals(field.strip());
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }


    private static InvalidInputException malformed(int line, String reason, String detail) {
        return new InvalidInputException(FIELD, MALFORMED, line, MessageKey.of(REASON + reason), detail);
    }

    private static final class Parser {

        private final BufferedReader in;
        private int lineNumber;
        private String pending;
        private int pendingNumber;

        private final Map<String, String> meta = new LinkedHashMap<>();
        private final Map<ProjectId, PabulibProject> projects = new LinkedHashMap<>();
        private final List<PabulibVote> votes = new ArrayList<>();

        Parser(BufferedReader in) {
            this.in = in;
        }

        PabulibElection parse() throws IOException {
            int metaLine = expectSection("META");
            List<String> metaHeader = header("META");
            readMeta(metaHeader);
            expectSection("PROJECTS");
            metaNumber("budget", metaLine);
            String voteType = meta.getOrDefault("vote_type", "approval");
            if (!Set.of("approval", "choose-1", "cumulative", "ordinal").contains(voteType)) {
                throw malformed(metaLine, "voteTypeUnsupported", voteType);
            }
            readProjects(header("PROJECTS"));
            expectSection("VOTES");
            readVotes(header("VOTES"), voteType);
            return new PabulibElection(meta, List.copyOf(projects.values()), votes);
        }

        /** The next non-blank line (null at the end), its number in {@link #pendingNumber}. */
        private String peek() throws IOException {
            while (pending == null) {
                String line = in.readLine();
                if (line == null) {
                    pendingNumber = lineNumber + 1;
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    pending = line;
                    pendingNumber = lineNumber;
                }
            }
            return pending;
        }

        private String next() throws IOException {
            String line = peek();
            pending = null;
            return line;
        }

        private boolean atSection() throws IOException {
            String line = peek();
            return line == null || SECTIONS.contains(line.strip());
        }

        private int expectSection(String name) throws IOException {
            String line = peek();
            if (line == null || !line.strip().equals(name)) {
                throw malformed(pendingNumber, "missingSection", name);
            }
            next();
            return pendingNumber;
        }

        private List<String> header(String section) throws IOException {
            if (atSection()) {
                throw malformed(pendingNumber, "missingHeader", section);
            }
            String line = next();
            return fields(line, pendingNumber);
        }

        private void readMeta(List<String> header) throws IOException {
            if (header.size() != 2 || !header.get(0).equals("key") || !header.get(1).equals("value")) {
                throw malformed(pendingNumber, "badHeader", String.join(";", header));
            }
            while (!atSection()) {
                String line = next();
                List<String> row = fields(line, pendingNumber);
                if (row.size() != 2) {
                    throw malformed(pendingNumber, "wrongColumnCount", line);
                }
                if (meta.putIfAbsent(row.get(0).strip(), row.get(1).strip()) != null) {
                    throw malformed(pendingNumber, "duplicateKey", row.get(0));
                }
            }
        }

        private long metaNumber(String key, int metaLine) {
            if (!meta.containsKey(key)) {
                throw malformed(metaLine, "missingEntry", key);
            }
            try {
                return PabulibEntry.wholeNumber(meta.get(key));
            } catch (NumberFormatException | ArithmeticException e) {
                throw malformed(metaLine, "notANumber", key + "=" + meta.get(key));
            }
        }

        private void readProjects(List<String> header) throws IOException {
            int idColumn = header.indexOf("project_id");
            int costColumn = header.indexOf("cost");
            if (idColumn < 0 || costColumn < 0) {
                throw malformed(pendingNumber, "badHeader", String.join(";", header));
            }
            while (!atSection()) {
                String line = next();
                int number = pendingNumber;
                List<String> row = fields(line, number);
                if (row.size() != header.size()) {
                    throw malformed(number, "wrongColumnCount", line);
                }
                ProjectId id = projectId(row.get(idColumn), number);
                long cost;
                try {
                    cost = PabulibEntry.wholeNumber(row.get(costColumn));
                } catch (NumberFormatException | ArithmeticException e) {
                    boolean negative = row.get(costColumn).strip().startsWith("-");
                    throw malformed(number, negative ? "costNegative" : "costNotANumber", row.get(costColumn));
                }
                if (cost == 0) {
                    throw malformed(number, "costNotPositive", row.get(costColumn));
                }
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (i != idColumn && i != costColumn) {
                        columns.put(header.get(i), row.get(i));
                    }
                }
                if (projects.putIfAbsent(id, new PabulibProject(new Project(id, Money.of(cost)), columns)) != null) {
                    throw malformed(number, "duplicateProject", id.value());
                }
            }
        }

        private void readVotes(List<String> header, String voteType) throws IOException {
            int voterColumn = header.indexOf("voter_id");
            int voteColumn = header.indexOf("vote");
            int pointsColumn = header.indexOf("points");
            boolean cumulative = voteType.equals("cumulative");
            if (voterColumn < 0 || voteColumn < 0 || cumulative && pointsColumn < 0) {
                throw malformed(pendingNumber, "badHeader", String.join(";", header));
            }
            Set<String> voters = new HashSet<>();
            while (peek() != null) {
                if (atSection()) {
                    throw malformed(pendingNumber, "unexpectedSection", pending.strip());
                }
                String line = next();
                int number = pendingNumber;
                List<String> row = fields(line, number);
                if (row.size() != header.size()) {
                    throw malformed(number, "wrongColumnCount", line);
                }
                String voter = row.get(voterColumn).strip();
                if (voter.isEmpty() || !voters.add(voter)) {
                    throw malformed(number, voter.isEmpty() ? "missingVoter" : "duplicateVoter", voter);
                }
                List<ProjectId> chosen = chosen(row.get(voteColumn), number);
                Ballot ballot = switch (voteType) {
                    case "cumulative" -> cumulative(chosen, row.get(pointsColumn), number);
                    case "ordinal" -> new Ballot.Ordinal(chosen);
                    default -> {
                        if (new HashSet<>(chosen).size() != chosen.size()) {
                            throw malformed(number, "duplicateChoice", row.get(voteColumn));
                        }
                        yield new Ballot.Approval(new LinkedHashSet<>(chosen));
                    }
                };
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (i != voterColumn && i != voteColumn && !(cumulative && i == pointsColumn)) {
                        columns.put(header.get(i), row.get(i));
                    }
                }
                votes.add(new PabulibVote(voter, ballot, columns));
            }
        }

        private List<ProjectId> chosen(String vote, int number) {
            List<ProjectId> chosen = new ArrayList<>();
            if (vote.isBlank()) {
                return chosen;
            }
            for (String part : vote.split(",", -1)) {
                ProjectId id = projectId(part, number);
                if (!projects.containsKey(id)) {
                    throw malformed(number, "unknownProject", part.strip());
                }
                chosen.add(id);
            }
            return chosen;
        }

        private Ballot.Cumulative cumulative(List<ProjectId> chosen, String pointsText, int number) {
            String[] parts = pointsText.isBlank() ? new String[0] : pointsText.split(",", -1);
            if (parts.length != chosen.size()) {
                throw malformed(number, "pointsDoNotMatchVote", pointsText);
            }
            Map<ProjectId, Integer> points = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                int given;
                try {
                    given = Math.toIntExact(PabulibEntry.wholeNumber(parts[i]));
                } catch (NumberFormatException | ArithmeticException e) {
                    throw malformed(number, "pointsNotANumber", parts[i]);
                }
                if (points.put(chosen.get(i), given) != null) {
                    throw malformed(number, "duplicateChoice", chosen.get(i).value());
                }
            }
            return new Ballot.Cumulative(points);
        }

        private static ProjectId projectId(String text, int number) {
            String id = text.strip();
            if (id.isEmpty()) {
                throw malformed(number, "missingProjectId", text);
            }
            return ProjectId.of(id);
        }

        /** The {@code ;}-separated fields of a line; quoted fields may hold {@code ;} and doubled quotes. */
        private static List<String> fields(String line, int number) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (true) {
                if (i < line.length() && line.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= line.length()) {
                            throw malformed(number, "unterminatedQuote", line);
                        }
                        char c = line.charAt(i);
                        if (c == '"') {
                            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        field.append(c);
                        i++;
                    }
                    if (i < line.length() && line.charAt(i) != ';') {
                        throw malformed(number, "textAfterQuote", line);
                    }
                } else {
                    while (i < line.length() && line.charAt(i) != ';') {
                        field.append(line.charAt(i));
                        i++;
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= line.length()) {
                    return fields;
                }
                i++; // the separator
            }
        }
    }
}
