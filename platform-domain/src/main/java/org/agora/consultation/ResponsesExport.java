package org.agora.consultation;

/**
 * What the workbook of every response is written from ({@link ConsultationReading#responsesToExport}): the
 * questionnaire, whether the consultation is anonymous (then no respondent is named), and the submitted responses,
 * read a page at a time as the writer goes.
 */
public record ResponsesExport(Questionnaire questionnaire, boolean anonymous, Iterable<SubmittedResponse> responses) {
}
