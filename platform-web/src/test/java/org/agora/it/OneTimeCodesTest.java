package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    /** RFC 6238's test vectors for HMAC-SHA1 (their last six digits). */
    @Test
    void theRfcVectorsGiveTheirCodes() {
        String secret = "12345678901234567890";
        assertThat(OneTimeCodes.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(OneTimeCodes.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(OneTimeCodes.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aWrongCodeIsNoneOfTheThreeAccepted() {
        Instant now = Instant.ofEpochSecond(59);
        String wrong = OneTimeCodes.wrong("12345678901234567890", now);
        assertThat(wrong).hasSize(6).isNotIn(OneTimeCodes.code("12345678901234567890", now),
                OneTimeCodes.code("12345678901234567890", now.minusSeconds(30)),
                OneTimeCodes.code("12345678901234567890", now.plusSeconds(30)));
    }
}
