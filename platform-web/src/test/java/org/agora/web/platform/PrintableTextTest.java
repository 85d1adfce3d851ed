package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void textsWithTabsLineBreaksAccentsAndWholeEmojisArePrintable() {
        assertThat(PrintableText.isPrintable("Un jardin\tpartagé\r\nrue des Lilas 🌳 ¿ e\u0301")).isTrue();
        assertThat(PrintableText.isPrintable("")).isTrue();
    }

    @Test
    void controlCharactersAndHalvesOfCharactersAreNot() {
        for (String text : new String[] {"nul\u0000", "bip\u0007", "\u001b[31m", "del\u007f", "c1\u0085", "\ud800",
                "x\udc00", "\uD83C"}) {
            assertThat(PrintableText.isPrintable(text)).as(text).isFalse();
        }
    }
}
