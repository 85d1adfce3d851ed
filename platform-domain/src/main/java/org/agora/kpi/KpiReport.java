package org.agora.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The participation figures of one period and scope, as the dashboard, the workbook, the CSV files and the API show
 * them. Counts only: no name, account or answer of anyone; the breakdown by age and district is masked
 * ({@link MaskedTable}).
 */
public record KpiReport(KpiQuery query, Participant definition, int maskThreshold, Instant computedAt,
                        Participation participation, List<ConsultationLine> consultations, List<EnvelopeLine> envelopes,
                        Moderation moderation, Councils councils, List<WeekCount> weeklyParticipants,
                        List<DistrictRate> districts, MaskedTable ageByDistrict) {

    public KpiReport {
        consultations = List.copyOf(consultations);
        envelopes = List.copyOf(envelopes);
        weeklyParticipants = List.copyOf(weeklyParticipants);
        districts = List.copyOf(districts);
    }

    /**
     * Residents and participants: the accounts on the platform's register at the end of the period (enlisted at their
     * first sign-in), the unique participants overall and per capability, and the new accounts per ISO week.
     */
    public record Participation(long registeredResidents, long participants, Map<Participant.Capability, Long> byCapability,
                                List<WeekCount> newRegistrations) {
        public Participation {
            byCapability = Map.copyOf(byCapability);
            newRegistrations = List.copyOf(newRegistrations);
        }
    }

    /** A count for one ISO week ({@code 2026-W03}), starting on its Monday. */
    public record WeekCount(String week, LocalDate monday, long count) {
    }

    /**
     * One consultation open during the period: its submitted responses (for an anonymous one, the marks of who
     * answered, whatever the date), and for one that is not anonymous the responses started on the server (drafts
     * saved and responses submitted) and the completion rate. Anonymous consultations keep no draft on the server, so
     * they have neither ({@code null}).
     */
    public record ConsultationLine(long id, String title, Optional<String> district, boolean anonymous, long responses,
                                   Long started, BigDecimal completionRate, List<QuestionLine> questions) {
        public ConsultationLine {
            questions = List.copyOf(questions);
        }
    }

    /** How many submitted responses answered a question. */
    public record QuestionLine(int position, String code, String text, long answers) {
    }

    /**
     * One envelope of a call running in the period: projects (submitted, feasible, on the ballot, selected: the winners
     * taken when the follow-up started), supports, ballots per channel from the register of who voted, turnout against
     * the registered residents and against the population (percent, {@code null} when there is nobody to divide by)
     * and the winners delivered.
     */
    public record EnvelopeLine(long callId, String call, Optional<String> district, long submitted, long feasible,
                               long onBallot, long selected, long supports, long online, long desk, long paper,
                               long registered, long population, BigDecimal turnoutOfRegistered,
                               BigDecimal turnoutOfPopulation, long delivered) {
        public long ballots() {
            return online + desk + paper;
        }
    }

    /** Comments posted, reports made, items hidden in the period, and the median time from report to decision. */
    public record Moderation(long comments, long reports, long hidden, long decided, Optional<Duration> medianDelay) {
    }

    /** The councils of the scope: members now, meetings held in the period, their registrations and attendance. */
    public record Councils(long councils, long members, long meetingsHeld, long registrations, long attendance,
                           long meetingsWithAttendance) {
    }

    /** The participants living in a district (by the register), and per 1,000 inhabitants. */
    public record DistrictRate(String code, String name, long population, long participants, BigDecimal perThousand) {
    }
}
