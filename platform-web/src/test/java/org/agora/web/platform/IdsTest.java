package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void anAddressNamesAnIdOnlyWithDigitsThatFitALong() {
        assertThat(Ids.parse("12")).contains(12L);
        assertThat(Ids.parse(" 7 ")).contains(7L);
        assertThat(Ids.parse("999999999999999999")).contains(999_999_999_999_999_999L);
        assertThat(Ids.parse("9999999999999999999")).isEmpty();
        assertThat(Ids.parse("abc")).isEmpty();
        assertThat(Ids.parse("-3")).isEmpty();
        assertThat(Ids.parse("")).isEmpty();
        assertThat(Ids.parse(null)).isEmpty();
    }
}
