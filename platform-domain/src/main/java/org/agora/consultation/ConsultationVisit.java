package org.agora.consultation;

import java.util.Optional;

/**
 * A consultation as one person finds it ({@link ConsultationReading#visit}): the consultation, why they may not
 * answer it now (empty when they may), whether they have answered, their draft or their submitted response (never
 * one of an anonymous consultation), and whether they organise it and see its results.
 */
public record ConsultationVisit(Consultation consultation, Optional<String> whyNotAnswer, boolean answered,
                                Optional<Response> mine, boolean organiser, boolean resultsVisible) {
}
