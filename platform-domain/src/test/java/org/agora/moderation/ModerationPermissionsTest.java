package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

class ModerationPermissionsTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final Actor RESIDENT = new Actor("resident", Set.of(Role.RESIDENT), Optional.of(NORD), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());
    static final Actor AGENT_WITHOUT_DISTRICT = new Actor("agent2", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of());

    static ModeratedItem item(String author, DistrictCode district) {
        return new ModeratedItem(new ItemRef(ItemKind.COMMENT, 1), author, Optional.ofNullable(district), "texte",
                "budget/project.xhtml?id=1", Visibility.SHOWN);
    }

    @Test
    void anAgentOfNordNeitherSeesNorDecidesASudItem() {
        assertThat(ModerationPermissions.canWorkQueue(AGENT_OF_NORD)).isTrue();
        assertThat(ModerationPermissions.canModerate(AGENT_OF_NORD, Optional.of(NORD))).isTrue();
        assertThat(ModerationPermissions.canModerate(AGENT_OF_NORD, Optional.of(SUD))).isFalse();
        assertThat(ModerationPermissions.canModerate(AGENT_OF_NORD, Optional.empty())).isFalse();
        assertThat(ModerationPermissions.canBlock(AGENT_OF_NORD)).isFalse();
        assertThat(ModerationPermissions.canReadAudit(AGENT_OF_NORD)).isFalse();
    }

    @Test
    void aResidentNeverReachesTheQueue() {
        assertThat(ModerationPermissions.canWorkQueue(RESIDENT)).isFalse();
        assertThat(ModerationPermissions.canModerate(RESIDENT, Optional.of(NORD))).isFalse();
        assertThat(ModerationPermissions.canBlock(RESIDENT)).isFalse();
        assertThat(ModerationPermissions.canReadAudit(RESIDENT)).isFalse();
        assertThat(ModerationPermissions.canWorkQueue(ANALYST)).isFalse();
        assertThat(ModerationPermissions.canWorkQueue(AGENT_WITHOUT_DISTRICT)).isFalse();
        assertThat(ModerationPermissions.canWorkQueue(Actor.anonymous())).isFalse();
    }

    @Test
    void aModeratorDoesEverythingButReadTheAudit() {
        assertThat(ModerationPermissions.canWorkQueue(MODERATOR)).isTrue();
        assertThat(ModerationPermissions.canModerate(MODERATOR, Optional.of(SUD))).isTrue();
        assertThat(ModerationPermissions.canModerate(MODERATOR, Optional.empty())).isTrue();
        assertThat(ModerationPermissions.canBlock(MODERATOR)).isTrue();
        assertThat(ModerationPermissions.whyNotReport(MODERATOR, item("resident", NORD))).isEmpty();
        assertThat(ModerationPermissions.canReadAudit(MODERATOR)).isFalse();
    }

    @Test
    void theOfficeModeratesCityWideAndReadsTheAudit() {
        assertThat(ModerationPermissions.canModerate(OFFICE, Optional.of(SUD))).isTrue();
        assertThat(ModerationPermissions.canBlock(OFFICE)).isTrue();
        assertThat(ModerationPermissions.canReadAudit(OFFICE)).isTrue();
    }

    @Test
    void anyoneSignedInReportsOthersItemsButNotTheirOwnNorWhenBlocked() {
        assertThat(ModerationPermissions.whyNotReport(RESIDENT, item("someone", NORD))).isEmpty();
        assertThat(ModerationPermissions.whyNotReport(RESIDENT, item("resident", NORD))).contains("moderation.report.own");
        assertThat(ModerationPermissions.whyNotReport(Actor.anonymous(), item("someone", NORD)))
                .contains("moderation.report.signIn");
        assertThat(ModerationPermissions.whyNotReport(RESIDENT.blocked("spam"), item("someone", NORD)))
                .contains(Actor.BLOCKED);
    }
}
