package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

class ConsultationPermissionsTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final ConsultationScope IN_NORD = ConsultationScope.of(NORD);

    static Actor resident(DistrictCode home) {
        return new Actor("camille", Set.of(Role.RESIDENT), Optional.of(home), Set.of());
    }

    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor OFFICE = new Actor("office", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    @Test
    void theOfficeOrganisesAnyConsultation() {
        assertThat(ConsultationPermissions.canOrganise(OFFICE, ConsultationScope.city())).isTrue();
        assertThat(ConsultationPermissions.canOrganise(OFFICE, IN_NORD)).isTrue();
    }

    @Test
    void anAgentOrganisesOnlyTheConsultationsOfTheirDistricts() {
        assertThat(ConsultationPermissions.canOrganise(AGENT_OF_NORD, IN_NORD)).isTrue();
        assertThat(ConsultationPermissions.canOrganise(AGENT_OF_NORD, ConsultationScope.of(SUD))).isFalse();
        assertThat(ConsultationPermissions.canOrganise(AGENT_OF_NORD, ConsultationScope.city())).isFalse();
    }

    @Test
    void aResidentDoesNotOrganise() {
        assertThat(ConsultationPermissions.canOrganise(resident(NORD), IN_NORD)).isFalse();
    }

    @Test
    void aResidentInScopeAnswersAnOpenConsultation() {
        assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD), IN_NORD, ConsultationStatus.OPEN)).isEmpty();
        assertThat(ConsultationPermissions.whyNotAnswer(resident(SUD), ConsultationScope.city(), ConsultationStatus.OPEN))
                .isEmpty();
    }

    @Test
    void eachRefusalSaysWhy() {
        assertThat(ConsultationPermissions.whyNotAnswer(resident(SUD), IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.outOfScope");
        assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD), IN_NORD, ConsultationStatus.CLOSED))
                .contains("consultation.answer.notOpen");
        assertThat(ConsultationPermissions.whyNotAnswer(Actor.anonymous(), IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.signInFirst");
        assertThat(ConsultationPermissions.whyNotAnswer(AGENT_OF_NORD, IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.residentsOnly");
    }

    @Test
    void aResidentWithoutHomeDistrictAnswersOnlyCityWideConsultations() {
        Actor homeless = new Actor("x", Set.of(Role.RESIDENT), Optional.empty(), Set.of());
        assertThat(ConsultationPermissions.whyNotAnswer(homeless, IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.outOfScope");
        assertThat(ConsultationPermissions.whyNotAnswer(homeless, ConsultationScope.city(), ConsultationStatus.OPEN))
                .isEmpty();
    }

    @Test
    void aDraftIsReadOnlyByItsOrganisersAndResultsArePublicOncePublished() {
        Actor agent = new Actor("agent", Set.of(Role.DISTRICT_AGENT),
                Optional.empty(), Set.of(new DistrictCode("nord")));
        ConsultationScope nord = ConsultationScope.of(new DistrictCode("nord"));
        Actor visitor = Actor.anonymous();

        assertThat(ConsultationPermissions.canRead(visitor, nord, ConsultationStatus.DRAFT)).isFalse();
        assertThat(ConsultationPermissions.canRead(agent, nord, ConsultationStatus.DRAFT)).isTrue();
        assertThat(ConsultationPermissions.canRead(visitor, nord, ConsultationStatus.SCHEDULED)).isTrue();
        assertThat(ConsultationPermissions.canSeeResults(visitor, nord, ConsultationStatus.CLOSED)).isFalse();
        assertThat(ConsultationPermissions.canSeeResults(agent, nord, ConsultationStatus.OPEN)).isTrue();
        assertThat(ConsultationPermissions.canSeeResults(agent, nord, ConsultationStatus.DRAFT)).isFalse();
        assertThat(ConsultationPermissions.canSeeResults(visitor, nord, ConsultationStatus.RESULTS_PUBLISHED)).isTrue();
    }
}
