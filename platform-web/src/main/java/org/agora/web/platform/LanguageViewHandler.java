package org.agora.web.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Gives every view the visitor's {@link Language} from the moment it is created. The template's
 * {@code <f:view locale>} only takes effect once the whole page is built, at render time; on a GET, the
 * {@code f:viewAction} of a page runs before that, on a view holding only its metadata, whose locale Faces would take
 * from the browser's Accept-Language. Labels made there (an envelope named "Toute la ville" on an English page) came
 * out in the browser's language instead of the one chosen with the switch.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(Language.class).get().getCurrent();
    }
}
