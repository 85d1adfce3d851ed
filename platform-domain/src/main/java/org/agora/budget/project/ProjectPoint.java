package org.agora.budget.project;

/** Where a project stands on the map, with what its marker shows: its id and title. */
public record ProjectPoint(long id, String title, MapPoint point) {
}
