package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class IdConverterTest {

    private final IdConverter converter = new IdConverter();

    @Test
    void anAddressNamesAnIdOrNone() {
        assertThat(converter.getAsObject(null, null, "12")).isEqualTo(12L);
        assertThat(converter.getAsObject(null, null, " 7 ")).isEqualTo(7L);
        assertThat(converter.getAsObject(null, null, "")).isNull();
        assertThat(converter.getAsObject(null, null, null)).isNull();
        assertThat(converter.getAsString(null, null, 12L)).isEqualTo("12");
        assertThat(converter.getAsString(null, null, null)).isEmpty();
    }

    @Test
    void anAddressThatNamesNoIdIsToldInTheVisitorsLanguage() {
        assertThat(IdConverter.malformed(Locale.FRENCH, " abc ").getFacesMessage().getSummary())
                .isEqualTo("Cette adresse ne désigne aucune page : « abc » n'est pas un numéro.");
        assertThat(IdConverter.malformed(Locale.ENGLISH, "-3").getFacesMessage().getSummary())
                .isEqualTo("This address names no page: “-3” is not a number.");
    }
}
