package org.agora.web.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.InvalidInputException;

/**
 * Paper ballots as staff type them, one ballot per line: project numbers separated by commas ("12, 15, 18"; in
 * order of preference for a ranking), or number:points for points ("12:3, 15:2"). Blank lines are skipped; a line
 * that is not of this form is refused with its number, and nothing is added.
 */
final class PaperBallots {

    static final String FIELD = "ballots";

    private PaperBallots() {
    }

    static List<Ballot> parse(String text, String kind) {
        List<Ballot> ballots = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                ballots.add(ballot(line, kind, i + 1));
            }
        }
        if (ballots.isEmpty()) {
            throw new InvalidInputException(FIELD, "budget.paper.none");
        }
        return ballots;
    }

    /** The line (from 1) where the n-th ballot (from 1) was typed, blank lines counted. */
    static int lineOf(String text, int ballot) {
        String[] lines = (text == null ? "" : text).split("\\R");
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && ++seen == ballot) {
                return i + 1;
            }
        }
        return ballot;
    }

    private static Ballot ballot(String line, String kind, int number) {
        try {
            if (VotingRule.Kind.CUMULATIVE.code().equals(kind)) {
                Map<ProjectId, Integer> points = new LinkedHashMap<>();
                for (String part : line.split(",")) {
                    String[] pair = part.strip().split(":");
                    if (pair.length != 2 || points.put(project(pair[0]), Integer.parseInt(pair[1].strip())) != null) {
                        throw new NumberFormatException(part);
                    }
                }
                return new Ballot.Cumulative(points);
            }
            List<ProjectId> projects = new ArrayList<>();
            for (String part : line.split(",")) {
                projects.add(project(part));
            }
            if (VotingRule.Kind.ORDINAL.code().equals(kind)) {
                return new Ballot.Ordinal(projects);
            }
            Set<ProjectId> chosen = new LinkedHashSet<>(projects);
            if (chosen.size() != projects.size()) {
                throw new NumberFormatException(line);
            }
            return new Ballot.Approval(chosen);
        } catch (NumberFormatException | InvalidInputException e) {
            throw new InvalidInputException(FIELD, "budget.paper.lineMalformed", number, line);
        }
    }

    private static ProjectId project(String text) {
        return new ProjectId(String.valueOf(Long.parseLong(text.strip())));
    }
}
