package org.agora.api.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.kpi.KpiReport;
import org.agora.kpi.MaskedTable;
import org.agora.kpi.Participant.Capability;

/**
 * The participation KPIs as the API answers them: the figures of {@link KpiReport}, counts only; a masked count of
 * the breakdown is {@code null}. Percentages go from 0 to 100; the median moderation delay is in minutes. The
 * audience of the pages beside the participants in {@code audience} (visitors counted once a day).
 */
public record KpiJson(LocalDate from, LocalDate to, String district, Long theme, int participantDefinition,
                      int maskThreshold, long registeredResidents, long participants,
                      Map<String, Long> participantsByCapability, List<Week> weeks, List<Consultation> consultations,
                      List<Envelope> envelopes, Moderation moderation, Councils councils, List<District> districts,
                      Breakdown ageByDistrict, Audience audience) {

    /**
     * The funnel (the first line, {@code capability} null: all pages), the pages by views, the ISO weeks; a
     * capability's {@code participants} is null where its pages lead to no participation.
     */
    public record Audience(List<Funnel> funnel, List<Page> pages, List<AudienceWeek> weeks) {
    }

    public record Funnel(String capability, long views, long visitors, long signedInVisitors, Long participants) {
    }

    public record Page(String page, String capability, long views, long visitors, long signedInVisitors) {
    }

    public record AudienceWeek(String week, LocalDate monday, long views, long visitors, long signedInVisitors) {
    }

    public record Week(String week, LocalDate monday, long participants, long newRegistrations) {
    }

    public record Question(String code, String text, long answers) {
    }

    public record Consultation(long id, String title, String district, boolean anonymous, long responses, Long started,
                               BigDecimal completionRate, List<Question> questions) {
    }

    public record Envelope(long call, String callName, String district, long submitted, long feasible, long onBallot,
                           long selected, long supports, long online, long desk, long paper, long ballots,
                           long registered, long population, BigDecimal turnoutOfRegistered,
                           BigDecimal turnoutOfPopulation, long delivered) {
    }

    public record Moderation(long comments, long reports, long hidden, long decided, Long medianDelayMinutes) {
    }

    public record Councils(long councils, long members, long meetingsHeld, long registrations, long attendance) {
    }

    public record District(String code, String name, long population, long participants, BigDecimal perThousand) {
    }

    /** Rows of age bands, columns of districts ({@code ?}: unknown), the last row and column the totals. */
    public record Breakdown(List<String> rows, List<String> columns, List<List<Long>> cells) {
    }

    static KpiJson of(KpiReport r) {
        Map<String, Long> byCapability = new LinkedHashMap<>();
        for (Capability c : Capability.values()) {
            byCapability.put(c.name(), r.participation().byCapability().get(c));
        }
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < r.weeklyParticipants().size(); i++) {
            KpiReport.WeekCount w = r.weeklyParticipants().get(i);
            weeks.add(new Week(w.week(), w.monday(), w.count(), r.participation().newRegistrations().get(i).count()));
        }
        List<Consultation> consultations = r.consultations().stream().map(c -> new Consultation(c.id(), c.title(),
                c.district().orElse(null), c.anonymous(), c.responses(), c.started(), c.completionRate(),
                c.questions().stream().map(q -> new Question(q.code(), q.text(), q.answers())).toList())).toList();
        List<Envelope> envelopes = r.envelopes().stream().map(e -> new Envelope(e.callId(), e.call(),
                e.district().orElse(null), e.submitted(), e.feasible(), e.onBallot(), e.selected(), e.supports(),
                e.online(), e.desk(), e.paper(), e.ballots(), e.registered(), e.population(), e.turnoutOfRegistered(),
                e.turnoutOfPopulation(), e.delivered())).toList();
        KpiReport.Moderation m = r.moderation();
        KpiReport.Councils c = r.councils();
        MaskedTable t = r.ageByDistrict();
        return new KpiJson(r.query().from(), r.query().to(), r.query().district().map(d -> d.value()).orElse(null),
                r.query().theme().orElse(null), r.definition().version(), r.maskThreshold(),
                r.participation().registeredResidents(), r.participation().participants(), byCapability, weeks,
                consultations, envelopes,
                new Moderation(m.comments(), m.reports(), m.hidden(), m.decided(),
                        m.medianDelay().map(d -> d.toMinutes()).orElse(null)),
                new Councils(c.councils(), c.members(), c.meetingsHeld(), c.registrations(), c.attendance()),
                r.districts().stream().map(d -> new District(d.code(), d.name(), d.population(), d.participants(),
                        d.perThousand())).toList(),
                new Breakdown(t.rows(), t.columns(), t.withTotals()),
                new Audience(r.audience().funnel().stream().map(f -> new Funnel(f.capability().map(Enum::name)
                                .orElse(null), f.views(), f.visitors(), f.signedInVisitors(), f.participants())).toList(),
                        r.audience().pages().stream().map(p -> new Page(p.page(), p.capability().name(), p.views(),
                                p.visitors(), p.signedInVisitors())).toList(),
                        r.audience().weeks().stream().map(w -> new AudienceWeek(w.week(), w.monday(), w.views(),
                                w.visitors(), w.signedInVisitors())).toList()));
    }
}
