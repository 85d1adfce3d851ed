package org.agora.council;

import static org.agora.council.Councils.AGENT_OF_NORD;
import static org.agora.council.Councils.AGENT_OF_SUD;
import static org.agora.council.Councils.ANIMATOR;
import static org.agora.council.Councils.ANONYMOUS;
import static org.agora.council.Councils.MODERATOR;
import static org.agora.council.Councils.NEXT_WEEK;
import static org.agora.council.Councils.NOW;
import static org.agora.council.Councils.OFFICE;
import static org.agora.council.Councils.OTHER_RESIDENT;
import static org.agora.council.Councils.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

/** Who may do what with a council of Nord and its meetings. */
class CouncilPermissionsTest {

    private final Council council = Councils.council(false);
    private final Meeting open = new Meeting(council, Councils.meeting(false, null), "agent", NOW);
    private final Meeting membersOnly = new Meeting(council, Councils.meeting(true, null), "agent", NOW);

    private static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());

    /** One person of each kind, by name, in this order; none of them is a member of the council. */
    private static final Map<String, Actor> EVERYONE = orderedMap(
            "animator", ANIMATOR, "resident of nord", RESIDENT, "resident of sud", OTHER_RESIDENT,
            "agent of nord", AGENT_OF_NORD, "agent of sud", AGENT_OF_SUD, "moderator", MODERATOR,
            "office", OFFICE, "analyst", ANALYST, "anonymous", ANONYMOUS);

    private static Map<String, Actor> orderedMap(Object... namesAndActors) {
        Map<String, Actor> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndActors.length; i += 2) {
            map.put((String) namesAndActors[i], (Actor) namesAndActors[i + 1]);
        }
        return map;
    }

    /** The names of those who may. */
    private static List<String> who(Predicate<Actor> may) {
        return EVERYONE.entrySet().stream().filter(e -> may.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    @Test
    void theOfficeAndTheAgentsOfItsDistrictRunTheCouncil() {
        assertThat(CouncilPermissions.canRunCouncilsOf(OFFICE, new DistrictCode("sud"))).isTrue();
        assertThat(CouncilPermissions.canRunCouncilsOf(AGENT_OF_NORD, new DistrictCode("nord"))).isTrue();
        assertThat(CouncilPermissions.canRunCouncilsOf(AGENT_OF_NORD, new DistrictCode("sud"))).isFalse();
        assertThat(CouncilPermissions.canEdit(OFFICE, council)).isTrue();
        assertThat(CouncilPermissions.canEdit(AGENT_OF_NORD, council)).isTrue();
        assertThat(CouncilPermissions.canEdit(AGENT_OF_SUD, council)).isFalse();
        assertThat(CouncilPermissions.canEdit(ANIMATOR, council)).isFalse();
        assertThat(CouncilPermissions.canEdit(MODERATOR, council)).isFalse();
    }

    @Test
    void animatorsAndItsStaffLeadTheCouncilAndNobodyElse() {
        assertThat(CouncilPermissions.canLead(ANIMATOR, council)).isTrue();
        assertThat(CouncilPermissions.canLead(AGENT_OF_NORD, council)).isTrue();
        assertThat(CouncilPermissions.canLead(OFFICE, council)).isTrue();
        assertThat(CouncilPermissions.canLead(RESIDENT, council)).isFalse();
        assertThat(CouncilPermissions.canLead(AGENT_OF_SUD, council)).isFalse();
        assertThat(CouncilPermissions.canLead(ANONYMOUS, council)).isFalse();
    }

    @Test
    void membersOnlyContentIsHiddenFromEveryoneButMembersAndLeaders() {
        assertThat(CouncilPermissions.canSeeMembersOnly(RESIDENT, council, true)).isTrue();
        assertThat(CouncilPermissions.canSeeMembersOnly(ANIMATOR, council, false)).isTrue();
        assertThat(CouncilPermissions.canSeeMembersOnly(AGENT_OF_NORD, council, false)).isTrue();
        assertThat(CouncilPermissions.canSeeMembersOnly(RESIDENT, council, false)).isFalse();
        assertThat(CouncilPermissions.canSeeMembersOnly(AGENT_OF_SUD, council, false)).isFalse();
        assertThat(CouncilPermissions.canSeeMembersOnly(MODERATOR, council, false)).isFalse();
        assertThat(CouncilPermissions.canSeeMembersOnly(ANONYMOUS, council, false)).isFalse();

        assertThat(CouncilPermissions.canSeeMeeting(ANONYMOUS, open, false)).isTrue();
        assertThat(CouncilPermissions.canSeeMeeting(ANONYMOUS, membersOnly, false)).isFalse();
        assertThat(CouncilPermissions.canSeeMeeting(OTHER_RESIDENT, membersOnly, false)).isFalse();
        assertThat(CouncilPermissions.canSeeMeeting(RESIDENT, membersOnly, true)).isTrue();
    }

    @Test
    void residentsJoinAndStaffDoNot() {
        assertThat(CouncilPermissions.whyNotJoin(RESIDENT)).isEmpty();
        assertThat(CouncilPermissions.whyNotJoin(OTHER_RESIDENT)).isEmpty();
        assertThat(CouncilPermissions.whyNotJoin(ANONYMOUS)).contains("council.join.signIn");
        assertThat(CouncilPermissions.whyNotJoin(AGENT_OF_NORD)).contains("council.join.residentsOnly");
    }

    @Test
    void peopleRegisterForWhatTheySeeUntilItStarts() {
        assertThat(CouncilPermissions.whyNotRegister(OTHER_RESIDENT, open, false, NOW)).isEmpty();
        assertThat(CouncilPermissions.whyNotRegister(ANONYMOUS, open, false, NOW))
                .contains("council.registration.signIn");
        assertThat(CouncilPermissions.whyNotRegister(OTHER_RESIDENT, membersOnly, false, NOW))
                .contains("council.membersOnly");
        assertThat(CouncilPermissions.whyNotRegister(RESIDENT, membersOnly, true, NOW)).isEmpty();
        assertThat(CouncilPermissions.whyNotRegister(RESIDENT, open, true, NEXT_WEEK))
                .contains("council.registration.started");
    }

    @Test
    void onlyTheLeadersSeeWhoRegisteredForAMeeting() {
        assertThat(who(a -> CouncilPermissions.canSeeRegistrations(a, council)))
                .containsExactly("animator", "agent of nord", "office");
    }

    @Test
    void everyoneSeesAPublicMeetingAndOnlyMembersAndLeadersAMembersOnlyOne() {
        assertThat(who(a -> CouncilPermissions.canSeeMeeting(a, open, false))).containsExactlyElementsOf(EVERYONE.keySet());
        assertThat(who(a -> CouncilPermissions.canSeeMeeting(a, membersOnly, false)))
                .containsExactly("animator", "agent of nord", "office");
        assertThat(who(a -> CouncilPermissions.canSeeMeeting(a, membersOnly, true)))
                .containsExactlyElementsOf(EVERYONE.keySet().stream().filter(n -> !n.equals("anonymous")).toList());
    }

    @Test
    void everyoneSignedInRegistersForAPublicMeetingUntilItStarts() {
        assertThat(who(a -> CouncilPermissions.whyNotRegister(a, open, false, NOW).isEmpty()))
                .containsExactlyElementsOf(EVERYONE.keySet().stream().filter(n -> !n.equals("anonymous")).toList());
        assertThat(who(a -> CouncilPermissions.whyNotRegister(a, membersOnly, false, NOW).isEmpty()))
                .containsExactly("animator", "agent of nord", "office");
        assertThat(who(a -> CouncilPermissions.whyNotRegister(a, open, false, NEXT_WEEK).isEmpty())).isEmpty();
    }
}
