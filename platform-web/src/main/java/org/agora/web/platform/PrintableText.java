package org.agora.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/**
 * Texts people type are refused when they hold a control character (other than tab and line breaks: a NUL, which
 * PostgreSQL refuses at the write, a terminal's escape sequence) or half of a surrogate pair. The forms' converter of
 * every text field, so the error shows next to the field; the API's bodies are checked the same way
 * ({@code org.agora.api.JsonBodies}).
 */
@FacesConverter(forClass = String.class)
public class PrintableText implements Converter<String> {

    /** Whether the text holds only printable characters, tabs and line breaks, each complete. */
    public static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value != null && !isPrintable(value)) {
            String text = Texts.format(context.getViewRoot().getLocale(), "api.body.controlCharacter");
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value;
    }
}
