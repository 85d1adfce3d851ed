package org.agora.territory;

/** What an organiser typed to create or edit a district; checked by {@link TerritoryService}. */
public record DistrictDraft(String code, String name, Integer population) {
}
