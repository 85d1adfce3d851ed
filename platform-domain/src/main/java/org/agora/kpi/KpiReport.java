package org.agora.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.audience.PageCapability;

/**
 * The participation figures of one period and scope, as the dashboard, the workbook, the CSV files and the API show
 * them. Counts only: no name, account or answer of anyone; the breakdown by age and district is masked
 * ({@link MaskedTable}); the audience of the pages beside the participants ({@link Audience}).
 */
public record KpiReport(KpiQuery query, Participant definition, int maskThreshold, Instant computedAt,
                        Participation participation, List<ConsultationLine> consultations, List<EnvelopeLine> envelopes,
                        Moderation moderation, Councils councils, List<WeekCount> weeklyParticipants,
                        List<DistrictRate> districts, MaskedTable ageByDistrict, Audience audience) {

    public KpiReport {
        consultations = List.copyOf(consultations);
        envelopes = List.copyOf(envelopes);
        weeklyParticipants = List.copyOf(weeklyParticipants);
        districts = List.copyOf(districts);
        audience = audience == null ? Audience.NONE : audience;
    }

    /** A report without audience figures (no page counted). */
    public KpiReport(KpiQuery query, Participant definition, int maskThreshold, Instant computedAt,
                     Participation participation, List<ConsultationLine> consultations, List<EnvelopeLine> envelopes,
                     Moderation moderation, Councils councils, List<WeekCount> weeklyParticipants,
                     List<DistrictRate> districts, MaskedTable ageByDistrict) {
        this(query, definition, maskThreshold, computedAt, participation, consultations, envelopes, moderation, councils,
                weeklyParticipants, districts, ageByDistrict, Audience.NONE);
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

    /**
     * The audience of the pages in the period and scope (the pages about the district, for a district; not broken down
     * by theme), as counted by the platform itself (see {@code org.agora.audience}): the funnel of visitors, signed-in
     * visitors and participants, in all then per capability; the pages; the weeks.
     */
    public record Audience(List<FunnelLine> funnel, List<PageLine> pages, List<WeekVisits> weeks) {

        public static final Audience NONE = new Audience(List.of(), List.of(), List.of());

        public Audience {
            funnel = List.copyOf(funnel);
            pages = List.copyOf(pages);
            weeks = List.copyOf(weeks);
        }

        /** The first funnel line: all pages. */
        public Optional<FunnelLine> total() {
            return funnel.stream().filter(f -> f.capability().isEmpty()).findFirst();
        }
    }

    /**
     * Page views; visitors, each counted once a day (a visit: the same person on two days is two); those of them
     * signed in; and the participants of the capability (distinct people, {@link Participant}), {@code null} for a
     * capability where nobody participates. No capability: all pages, and every participant.
     */
    public record FunnelLine(Optional<PageCapability> capability, long views, long visitors, long signedInVisitors,
                             Long participants) {
    }

    /** One page (its view id) and its views, visitors (once a day each) and signed-in visitors in the period. */
    public record PageLine(String page, PageCapability capability, long views, long visitors, long signedInVisitors) {
    }

    /** All pages in one ISO week: views, visitors (once a day each) and signed-in visitors. */
    public record WeekVisits(String week, LocalDate monday, long views, long visitors, long signedInVisitors) {
    }
}
