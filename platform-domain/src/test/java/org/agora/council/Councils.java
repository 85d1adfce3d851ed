package org.agora.council;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Label;
import org.agora.shared.Role;
import org.agora.territory.District;
import org.agora.territory.Neighbourhood;

/** Builders of the council tests: people, councils and meetings without a database. */
final class Councils {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final Instant NEXT_WEEK = NOW.plus(Duration.ofDays(7));

    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = agent("agent", "nord");
    static final Actor AGENT_OF_SUD = agent("agent.sud", "sud");
    static final Actor ANIMATOR = resident("animator", "nord");
    static final Actor RESIDENT = resident("resident", "nord");
    static final Actor OTHER_RESIDENT = resident("resident.sud", "sud");
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());
    static final Actor ANONYMOUS = Actor.anonymous();

    private Councils() {
    }

    static Actor resident(String username, String district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of());
    }

    static Actor agent(String username, String district) {
        return new Actor(username, Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(new DistrictCode(district)));
    }

    static CouncilDraft draft(boolean approvalRequired) {
        return new CouncilDraft("Conseil de quartier des Aubiers", "<p>Bienvenue <script>x()</script></p>",
                "conseil@belrive.example", approvalRequired, List.of("animator"));
    }

    static Council council(boolean approvalRequired) {
        District nord = new District(new DistrictCode("nord"), new Label("Nord"), 1000);
        Neighbourhood aubiers = nord.addNeighbourhood(new Label("Les Aubiers"));
        return new Council(aubiers, draft(approvalRequired), "officeadmin", NOW);
    }

    static MeetingDraft meeting(boolean membersOnly, Integer capacity) {
        return new MeetingDraft("Réunion publique", NEXT_WEEK, 120, "Maison de quartier, 12 rue des Lilas", null,
                "<ol><li>Propreté</li><li>Fête</li></ol>", membersOnly, capacity);
    }
}
