package org.agora.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.util.Locale;

/**
 * The id a page's address names ({@code <f:viewParam name="id" value="#{page.id}" converter="agora.id">}): a
 * {@code Long}, none when the parameter is empty, and a refusal when it is not an id ({@link Ids}). A page whose
 * address names nothing answers 404: nest {@code <o:viewParamValidationFailed sendError="404"/>} in the parameter.
 */
@FacesConverter(IdConverter.ID)
public class IdConverter implements Converter<Long> {

    public static final String ID = "agora.id";

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Ids.parse(value).orElseThrow(() -> malformed(context.getViewRoot().getLocale(), value));
    }

    static ConverterException malformed(Locale locale, String value) {
        String text = Texts.format(locale, "platform.id.malformed", value.strip());
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long value) {
        return value == null ? "" : value.toString();
    }
}
