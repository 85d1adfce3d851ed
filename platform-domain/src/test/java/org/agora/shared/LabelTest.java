package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelTest {

    @Test
    void spacesAreTrimmedAndCollapsed() {
        assertThat(Label.of("name", "  Les   Halles ").text()).isEqualTo("Les Halles");
    }

    @Test
    void blankNameIsRequired() {
        assertThatThrownBy(() -> Label.of("name", "   "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("validation.required");
                    assertThat(e.field()).contains("name");
                });
        assertThatThrownBy(() -> Label.of("name", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nameOverTheLimitIsRefused() {
        assertThat(Label.of("name", "x".repeat(Label.MAX_LENGTH)).text()).hasSize(Label.MAX_LENGTH);
        assertThatThrownBy(() -> Label.of("name", "x".repeat(Label.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.tooLong"));
    }

    @Test
    void keyIgnoresCaseAndAccents() {
        assertThat(new Label("Étoile du Nord").key()).isEqualTo(new Label("etoile  du nord").key());
        assertThat(new Label("Nord").key()).isNotEqualTo(new Label("Sud").key());
    }
}
