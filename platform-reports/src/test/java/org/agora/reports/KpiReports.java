package org.agora.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.kpi.KpiQuery;
import org.agora.audience.PageCapability;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiReport.ConsultationLine;
import org.agora.kpi.KpiReport.Councils;
import org.agora.kpi.KpiReport.DistrictRate;
import org.agora.kpi.KpiReport.EnvelopeLine;
import org.agora.kpi.KpiReport.Moderation;
import org.agora.kpi.KpiReport.Participation;
import org.agora.kpi.KpiReport.QuestionLine;
import org.agora.kpi.KpiReport.WeekCount;
import org.agora.kpi.MaskedTable;
import org.agora.kpi.Participant;
import org.agora.kpi.Participant.Capability;

/** A KPI report made by hand for the writers' tests: two weeks, two districts, one of each line. */
final class KpiReports {

    static final KpiQuery QUERY = KpiQuery.city(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14));

    private KpiReports() {
    }

    static KpiReport sample() {
        List<WeekCount> weekly = List.of(new WeekCount("2027-W09", LocalDate.of(2027, 3, 1), 40),
                new WeekCount("2027-W10", LocalDate.of(2027, 3, 8), 25));
        List<WeekCount> registrations = List.of(new WeekCount("2027-W09", LocalDate.of(2027, 3, 1), 12),
                new WeekCount("2027-W10", LocalDate.of(2027, 3, 8), 3));
        Participation participation = new Participation(1200, 58, Map.of(Capability.CONSULTATION, 30L,
                Capability.BUDGET_PROJECT, 20L, Capability.BUDGET_VOTE, 44L, Capability.COMMENT, 9L,
                Capability.COUNCIL, 6L), registrations);
        ConsultationLine consultation = new ConsultationLine(7, "Vélo, \"pistes\" et stationnement", Optional.of("nord"),
                false, 30, 40L, new BigDecimal("75.00"),
                List.of(new QuestionLine(0, "cycles", "Faites-vous du vélo ?", 30),
                        new QuestionLine(1, "idea", "Une idée ?", 12)));
        ConsultationLine anonymous = new ConsultationLine(8, "Sondage anonyme", Optional.empty(), true, 15, null, null,
                List.of());
        EnvelopeLine nord = new EnvelopeLine(3, "Budget 2027", Optional.of("nord"), 12, 8, 6, 2, 140, 30, 8, 6, 400,
                61_500, new BigDecimal("11.00"), new BigDecimal("0.07"), 1);
        Moderation moderation = new Moderation(9, 4, 1, 2, Optional.of(Duration.ofMinutes(90)));
        Councils councils = new Councils(2, 31, 3, 24, 27, 3);
        List<DistrictRate> districts = List.of(new DistrictRate("nord", "Nord", 61_500, 40, new BigDecimal("0.65")),
                new DistrictRate("sud", "Sud", 57_900, 18, new BigDecimal("0.31")));
        MaskedTable ages = MaskedTable.of(List.of("FROM_25_TO_34", "FROM_35_TO_49", "FROM_65"), List.of("nord", "sud"),
                new long[][] {{20, 8}, {17, 7}, {3, 3}}, 5);
        return new KpiReport(QUERY, Participant.DEFINITION, 5, Instant.parse("2027-03-15T09:30:00Z"), participation,
                List.of(consultation, anonymous), List.of(nord), moderation, councils, weekly, districts, ages, audience());
    }

    /**
     * The audience of the two weeks: 900 page views by 310 visitors (a visitor once a day), 80 of them signed in, beside
     * the 58 participants; the budget's pages 500 / 160 / 50 beside its 50 participants.
     */
    static KpiReport.Audience audience() {
        List<KpiReport.FunnelLine> funnel = new java.util.ArrayList<>();
        funnel.add(new KpiReport.FunnelLine(Optional.empty(), 900, 310, 80, 58L));
        for (PageCapability capability : PageCapability.values()) {
            funnel.add(switch (capability) {
                case CONSULTATION -> new KpiReport.FunnelLine(Optional.of(capability), 200, 90, 30, 30L);
                case BUDGET -> new KpiReport.FunnelLine(Optional.of(capability), 500, 160, 50, 50L);
                case COUNCIL -> new KpiReport.FunnelLine(Optional.of(capability), 40, 12, 6, 6L);
                case HOME -> new KpiReport.FunnelLine(Optional.of(capability), 160, 120, 10, null);
                default -> new KpiReport.FunnelLine(Optional.of(capability), 0, 0, 0, null);
            });
        }
        return new KpiReport.Audience(funnel,
                List.of(new KpiReport.PageLine("/budget/project.xhtml", PageCapability.BUDGET, 420, 140, 45),
                        new KpiReport.PageLine("/consultations/view.xhtml", PageCapability.CONSULTATION, 200, 90, 30)),
                List.of(new KpiReport.WeekVisits("2027-W09", LocalDate.of(2027, 3, 1), 600, 200, 50),
                        new KpiReport.WeekVisits("2027-W10", LocalDate.of(2027, 3, 8), 300, 110, 30)));
    }
}
