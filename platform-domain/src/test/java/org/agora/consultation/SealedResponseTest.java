package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.DistrictCode;
import org.junit.jupiter.api.Test;

class SealedResponseTest {

    private static final Questionnaire QUESTIONNAIRE = new Questionnaire(ConsultationPersistenceContract.ALL_TYPES);
    private static final ResponseSeal SEAL = SealsForTests.SEAL;

    private static byte[] sealed(Map<String, Answer> answers) {
        return new SealedResponse(Optional.of(new DistrictCode("nord")), answers).seal(SEAL, 7, QUESTIONNAIRE);
    }

    @Test
    void aSealedResponseOpensToTheSameDistrictAndAnswers() {
        SealedResponse opened = SealedResponse.open(SEAL, 7, sealed(ResponsePersistenceContract.fullAnswers()));

        assertThat(opened.district()).contains(new DistrictCode("nord"));
        assertThat(opened.answers()).isEqualTo(ResponsePersistenceContract.fullAnswers());
    }

    @Test
    void theLongestAndTheShortestResponsesSealToTheSameLength() {
        Map<String, Answer> longest = new HashMap<>(ResponsePersistenceContract.fullAnswers());
        longest.put("street", new Answer.Text("€".repeat(Question.FreeText.SHORT_LIMIT)));
        longest.put("idea", new Answer.Text("𝄞".repeat(Question.FreeText.LONG_LIMIT / 2)));
        longest.put("improvements", new Answer.Choices(Set.of("lanes", "parking", "lights")));
        Map<String, Answer> shortest = Map.of("cycles", new Answer.Choices(Set.of("no")));

        assertThat(sealed(longest)).hasSameSizeAs(sealed(shortest));
        assertThat(SealedResponse.open(SEAL, 7, sealed(longest)).answers()).isEqualTo(longest);
    }

    @Test
    void aSealedResponseOpensWithNeitherAnotherKeyNorForAnotherConsultation() {
        byte[] sealed = sealed(ResponsePersistenceContract.fullAnswers());

        assertThatThrownBy(() -> SealedResponse.open(SEAL, 8, sealed)).isInstanceOf(IllegalStateException.class);
        ResponseSeal other = ResponseSeal.fromBase64(SealsForTests.newKey());
        assertThatThrownBy(() -> SealedResponse.open(other, 7, sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length / 2] ^= 1;
        assertThatThrownBy(() -> SealedResponse.open(SEAL, 7, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoSealsOfTheSameAnswersDiffer() {
        assertThat(sealed(ResponsePersistenceContract.fullAnswers()))
                .isNotEqualTo(sealed(ResponsePersistenceContract.fullAnswers()));
    }

    @Test
    void aKeyMustBeTwoHundredAndFiftySixBits() {
        assertThatThrownBy(() -> ResponseSeal.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseSeal.fromBase64(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
