package org.agora.web.platform;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.primefaces.component.selectoneradio.SelectOneRadio;
import org.primefaces.component.selectoneradio.SelectOneRadioRenderer;

/**
 * PrimeFaces' radio buttons laid out one per line (its responsive layout) write {@code aria-checked} on each option's
 * plain {@code div}, where ARIA does not allow it (axe-core's aria-allowed-attr, WCAG 4.1.2): the radio input inside
 * already says whether it is checked. Those are written without it; an element with a role keeps it.
 */
public class AccessibleSelectOneRadioRenderer extends SelectOneRadioRenderer {

    @Override
    protected void encodeMarkup(FacesContext context, SelectOneRadio radio) throws IOException {
        AttributeDroppingWriter.around(context, "div", "aria-checked", () -> super.encodeMarkup(context, radio));
    }
}
