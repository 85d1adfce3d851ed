package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agora.shared.DomainException;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.junit.jupiter.api.Test;

class FacesActionsTest {

    private record Shown(String formId, DomainException refusal, Map<String, String> inputs) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final FacesActions.Refusals refusals = (form, refusal, inputs) -> shown.add(new Shown(form, refusal, inputs));

    @Test
    void anActionThatGoesThroughLeadsWhereItSaysAndShowsNoRefusal() {
        assertThat(FacesActions.run(refusals, "district", Map.of(), () -> "/territory/admin/districts?faces-redirect=true"))
                .isEqualTo("/territory/admin/districts?faces-redirect=true");
        assertThat(shown).isEmpty();
    }

    @Test
    void aRefusedActionStaysOnThePageAndShowsTheRefusalInItsForm() {
        InvalidInputException tooLong = new InvalidInputException("name", "validation.tooLong", 120);
        Map<String, String> inputs = Map.of("end", "closesAt");

        assertThat(FacesActions.run(refusals, "district", inputs, () -> {
            throw tooLong;
        })).isNull();

        assertThat(shown).containsExactly(new Shown("district", tooLong, inputs));
    }

    @Test
    void anActionInPlaceSaysWhetherItWentThrough() {
        List<String> done = new ArrayList<>();
        assertThat(FacesActions.runInPlace(refusals, "newTheme", Map.of(), () -> done.add("added"))).isTrue();
        assertThat(done).containsExactly("added");
        assertThat(shown).isEmpty();

        NotAllowedException refused = new NotAllowedException("territory.notAllowed");
        assertThat(FacesActions.runInPlace(refusals, "newTheme", Map.of(), () -> {
            throw refused;
        })).isFalse();
        assertThat(shown).containsExactly(new Shown("newTheme", refused, Map.of()));
    }

    @Test
    void aFailureThatIsNotARefusalGoesOnToTheErrorPage() {
        assertThatThrownBy(() -> FacesActions.run(refusals, "district", Map.of(), () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(shown).isEmpty();
    }
}
