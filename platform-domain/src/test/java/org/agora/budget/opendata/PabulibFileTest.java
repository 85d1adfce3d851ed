package org.agora.budget.opendata;

import static org.agora.budget.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.MessageKey;
import org.junit.jupiter.api.Test;

class PabulibFileTest {

    private static final String SMALL = """
            META
            key;value
            description;"A test; with ""quotes""\"
            budget;100
            vote_type;approval
            rule;greedy
            max_length;2
            PROJECTS
            project_id;cost;votes;name;selected
            a;60;2;Benches;1
            b;50;1;"Trees; many";0
            VOTES
            voter_id;vote
            v1;a,b
            v2;a
            """;

    private static PabulibElection read(String text) {
        return PabulibFile.read(new StringReader(text));
    }

    private static void malformedAt(String text, int line, String reason, String detail) {
        refused(() -> read(text), "budget.pabulib.malformed", line, MessageKey.of(PabulibFile.REASON + reason), detail);
    }

    @Test
    void readsMetaProjectsAndApprovalBallots() {
        PabulibElection election = read(SMALL);

        assertThat(election.meta()).containsEntry("description", "A test; with \"quotes\"");
        assertThat(election.budget()).isEqualTo(Money.of(100));
        assertThat(election.rule()).contains(TallyRule.GREEDY);
        assertThat(election.votingRule()).isEqualTo(new VotingRule.Approval(0, 2));
        assertThat(election.countedProjects()).containsExactly(Project.of("a", 60), Project.of("b", 50));
        assertThat(election.projects().get(1).name()).contains("Trees; many");
        assertThat(election.officialWinners()).contains(Set.of(ProjectId.of("a")));
        assertThat(election.ballots()).containsExactly(Ballot.Approval.of("a", "b"), Ballot.Approval.of("a"));
        assertThat(election.votes().get(0).voterId()).isEqualTo("v1");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() {
        PabulibElection election = read("\uFEFF" + SMALL.replace("\n", "\r\n"));
        assertThat(election).isEqualTo(read(SMALL));
    }

    @Test
    void readsCumulativeBallotsWithTheirPoints() {
        PabulibElection election = read("""
                META
                key;value
                budget;100
                vote_type;cumulative
                max_points;3
                max_sum_points;5
                PROJECTS
                project_id;cost
                1;60
                2;40
                VOTES
                voter_id;vote;points
                0;2,1;3,2
                """);
        assertThat(election.votingRule()).isEqualTo(new VotingRule.Cumulative(5, 3));
        Map<ProjectId, Integer> points = new LinkedHashMap<>();
        points.put(ProjectId.of("2"), 3);
        points.put(ProjectId.of("1"), 2);
        assertThat(election.ballots()).containsExactly(new Ballot.Cumulative(points));
    }

    @Test
    void readsOrdinalBallotsInRankOrder() {
        PabulibElection election = read("""
                META
                key;value
                budget;100
                vote_type;ordinal
                max_length;3
                PROJECTS
                project_id;cost
                x;10
                y;20
                z;30
                VOTES
                voter_id;vote
                1;z,x
                """);
        assertThat(election.votingRule()).isEqualTo(new VotingRule.Ordinal(3));
        assertThat(election.ballots()).containsExactly(Ballot.Ordinal.of("z", "x"));
    }

    @Test
    void writtenFileReadsBackToTheSameElection() {
        PabulibElection election = read(SMALL);
        StringWriter out = new StringWriter();
        PabulibFile.write(election, out);
        assertThat(read(out.toString())).isEqualTo(election);
        assertThat(out.toString()).contains("\"Trees; many\"").contains("\"A test; with \"\"quotes\"\"\"");
    }

    @Test
    void writtenCumulativeAndOrdinalElectionsReadBack() {
        Map<ProjectId, Integer> points = new LinkedHashMap<>();
        points.put(ProjectId.of("b"), 2);
        points.put(ProjectId.of("a"), 1);
        List<PabulibProject> projects = List.of(new PabulibProject(Project.of("a", 10), Map.of()),
                new PabulibProject(Project.of("b", 20), Map.of()));
        PabulibElection cumulative = new PabulibElection(Map.of("budget", "30", "vote_type", "cumulative"), projects,
                List.of(new PabulibVote("7", new Ballot.Cumulative(points), Map.of("age", "40"))));
        PabulibElection ordinal = new PabulibElection(Map.of("budget", "30", "vote_type", "ordinal"), projects,
                List.of(new PabulibVote("7", Ballot.Ordinal.of("b", "a"), Map.of())));
        for (PabulibElection election : List.of(cumulative, ordinal)) {
            StringWriter out = new StringWriter();
            PabulibFile.write(election, out);
            assertThat(read(out.toString())).isEqualTo(election);
        }
    }

    @Test
    void aValueWithALineBreakIsRefusedBeforeAnythingIsWritten() {
        List<PabulibProject> projects = List.of(new PabulibProject(Project.of("a", 10), Map.of("name", "Un jardin")));
        PabulibElection inVote = new PabulibElection(Map.of("budget", "30", "vote_type", "approval"), projects,
                List.of(new PabulibVote("1", Ballot.Approval.of("a"), Map.of()),
                        new PabulibVote("2", Ballot.Approval.of("a"), Map.of("district", "nord\nsud"))));
        PabulibElection inProject = new PabulibElection(Map.of("budget", "30", "vote_type", "approval"),
                List.of(new PabulibProject(Project.of("a", 10), Map.of("name", "Un\rjardin"))),
                List.of(new PabulibVote("1", Ballot.Approval.of("a"), Map.of())));
        for (PabulibElection election : List.of(inVote, inProject)) {
            StringWriter out = new StringWriter();
            refused(() -> PabulibFile.write(election, out), "budget.pabulib.lineBreakInValue");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void missingProjectsSectionIsReportedWhereVotesBegin() {
        malformedAt("""
                META
                key;value
                budget;100
                VOTES
                voter_id;vote
                """, 4, "missingSection", "PROJECTS");
    }

    @Test
    void missingVotesSectionIsReportedAtTheEnd() {
        malformedAt("""
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost
                a;10
                """, 7, "missingSection", "VOTES");
    }

    @Test
    void fileNotStartingWithMetaIsRefused() {
        malformedAt("PROJECTS\nproject_id;cost\n", 1, "missingSection", "META");
        malformedAt("", 1, "missingSection", "META");
    }

    @Test
    void costThatIsNotANumberIsReportedWithItsLine() {
        malformedAt("""
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost
                a;10
                b;ten
                VOTES
                voter_id;vote
                """, 7, "costNotANumber", "ten");
    }

    @Test
    void negativeOrZeroCostIsRefused() {
        String text = """
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost
                a;%s
                VOTES
                voter_id;vote
                """;
        malformedAt(text.formatted("-5"), 6, "costNegative", "-5");
        malformedAt(text.formatted("0"), 6, "costNotPositive", "0");
    }

    @Test
    void voteForAnUnknownProjectIsReportedWithItsLine() {
        malformedAt("""
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost
                a;10

                VOTES
                voter_id;vote
                1;a
                2;a,zz
                """, 11, "unknownProject", "zz");
    }

    @Test
    void budgetThatIsNotANumberIsRefused() {
        malformedAt("""
                META
                key;value
                budget;a lot
                PROJECTS
                """, 1, "notANumber", "budget=a lot");
        malformedAt("""
                META
                key;value
                PROJECTS
                """, 1, "missingEntry", "budget");
    }

    @Test
    void rowWithTheWrongNumberOfFieldsIsRefused() {
        malformedAt("""
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost;name
                a;10
                """, 6, "wrongColumnCount", "a;10");
    }

    @Test
    void unterminatedQuoteIsRefused() {
        malformedAt("""
                META
                key;value
                description;"open
                """, 3, "unterminatedQuote", "description;\"open");
    }

    @Test
    void sameProjectOrVoterTwiceIsRefused() {
        malformedAt("""
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost
                a;10
                a;20
                VOTES
                voter_id;vote
                """, 7, "duplicateProject", "a");
        malformedAt("""
                META
                key;value
                budget;100
                PROJECTS
                project_id;cost
                a;10
                VOTES
                voter_id;vote
                1;a
                1;a
                """, 10, "duplicateVoter", "1");
    }

    @Test
    void cumulativeVoteWhosePointsDoNotMatchIsRefused() {
        malformedAt("""
                META
                key;value
                budget;100
                vote_type;cumulative
                PROJECTS
                project_id;cost
                a;10
                b;10
                VOTES
                voter_id;vote;points
                1;a,b;2
                """, 11, "pointsDoNotMatchVote", "2");
    }

    @Test
    void unsupportedVoteTypeIsRefused() {
        malformedAt("""
                META
                key;value
                budget;100
                vote_type;scoring
                PROJECTS
                """, 1, "voteTypeUnsupported", "scoring");
    }
}
