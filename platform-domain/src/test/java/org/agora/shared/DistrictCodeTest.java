package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistrictCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"nord", "centre-ville", "d12", "ab"})
    void wellFormedCodesAreAccepted(String code) {
        assertThat(DistrictCode.parse(code)).map(DistrictCode::value).contains(code);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "a", "Nord", "nord ", "-nord", "nord-", "n/ord", "nord;drop", "' or 1=1 --",
            "abcdefghijabcdefghijabcdefghijabc"})
    void malformedCodesAreRefused(String code) {
        assertThat(DistrictCode.parse(code)).isEmpty();
        assertThatThrownBy(() -> new DistrictCode(code))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("territory.district.code.malformed"));
    }
}
