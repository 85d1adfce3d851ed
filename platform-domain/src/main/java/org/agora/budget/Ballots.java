package org.agora.budget;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How ballots are kept: a row with a random id, its envelope and its channel, and one row per project with the
 * votes or points it gives. Nothing about the voter. An ordinal ballot keeps its ranking as rank points.
 */
final class Ballots {

    private Ballots() {
    }

    static void store(EntityManager em, long envelopeId, Map<ProjectId, Long> points, Channel channel) {
        String ballotId = UUID.randomUUID().toString();
        em.createNativeQuery("insert into ballots (id, envelope_id, channel) values (?, ?, ?)")
                .setParameter(1, ballotId).setParameter(2, envelopeId).setParameter(3, channel.name())
                .executeUpdate();
        if (points.isEmpty()) {
            return;
        }
        // all the choices in one statement: one round trip to the database per ballot, not one per project
        StringBuilder sql = new StringBuilder("insert into ballot_choices (ballot_id, project_id, points) values ");
        for (int i = 0; i < points.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        Query insert = em.createNativeQuery(sql.toString());
        int position = 1;
        for (Map.Entry<ProjectId, Long> choice : points.entrySet()) {
            insert.setParameter(position++, ballotId)
                    .setParameter(position++, Long.valueOf(choice.getKey().value()))
                    .setParameter(position++, choice.getValue().intValue());
        }
        insert.executeUpdate();
    }

    /**
     * Each project's votes or points in the envelope, summed by the database; a project nobody chose is absent.
     * What the greedy counts need, without loading one ballot.
     */
    static Map<ProjectId, Long> scores(EntityManager em, long envelopeId) {
        List<?> rows = em.createNativeQuery("select c.project_id, sum(c.points) from ballot_choices c"
                        + " join ballots b on b.id = c.ballot_id where b.envelope_id = ? group by c.project_id")
                .setParameter(1, envelopeId).getResultList();
        Map<ProjectId, Long> scores = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            scores.put(new ProjectId(String.valueOf(((Number) columns[0]).longValue())), ((Number) columns[1]).longValue());
        }
        return scores;
    }

    /** The envelope's ballots rebuilt from their stored choices. */
    static List<Ballot> of(EntityManager em, long envelopeId, VotingRule rule) {
        List<?> rows = em.createNativeQuery("select c.ballot_id, c.project_id, c.points from ballot_choices c"
                        + " join ballots b on b.id = c.ballot_id where b.envelope_id = ? order by c.ballot_id, c.project_id")
                .setParameter(1, envelopeId).getResultList();
        Map<String, Map<ProjectId, Integer>> byBallot = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byBallot.computeIfAbsent((String) columns[0], b -> new LinkedHashMap<>())
                    .put(new ProjectId(String.valueOf(((Number) columns[1]).longValue())), ((Number) columns[2]).intValue());
        }
        List<Ballot> ballots = new ArrayList<>(byBallot.size());
        for (Map<ProjectId, Integer> choices : byBallot.values()) {
            ballots.add(ballotOf(choices, rule));
        }
        return ballots;
    }

    private static Ballot ballotOf(Map<ProjectId, Integer> choices, VotingRule rule) {
        if (rule instanceof VotingRule.Cumulative) {
            return new Ballot.Cumulative(choices);
        }
        if (rule instanceof VotingRule.Ordinal) {
            return new Ballot.Ordinal(choices.entrySet().stream()
                    .sorted(Map.Entry.<ProjectId, Integer>comparingByValue(Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).toList());
        }
        return new Ballot.Approval(choices.keySet());
    }
}
