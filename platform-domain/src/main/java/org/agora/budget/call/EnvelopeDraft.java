package org.agora.budget.call;

/** One envelope as the office types it: a district's code (blank for the city-wide envelope) and its amount. */
public record EnvelopeDraft(String districtCode, long amount) {
}
