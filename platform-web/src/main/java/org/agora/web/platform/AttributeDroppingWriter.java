package org.agora.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;

/**
 * A response writer that leaves out one ARIA attribute a PrimeFaces renderer writes where it does not belong (on an
 * element of a given name that has no role), everything else written as the renderer writes it. Used while the
 * renderer runs ({@link #around}).
 */
final class AttributeDroppingWriter extends ResponseWriterWrapper {

    /** What a renderer writes, with the writer of the moment. */
    interface Encoding {
        void encode() throws IOException;
    }

    private final String element;
    private final String attribute;
    private String current = "";
    private boolean hasRole;

    private AttributeDroppingWriter(ResponseWriter wrapped, String element, String attribute) {
        super(wrapped);
        this.element = element;
        this.attribute = attribute;
    }

    /** Runs the encoding with {@code attribute} left out of the role-less {@code element}s it writes. */
    static void around(FacesContext context, String element, String attribute, Encoding encoding) throws IOException {
        ResponseWriter original = context.getResponseWriter();
        context.setResponseWriter(new AttributeDroppingWriter(original, element, attribute));
        try {
            encoding.encode();
        } finally {
            context.setResponseWriter(original);
        }
    }

    @Override
    public void startElement(String name, UIComponent component) throws IOException {
        current = name;
        hasRole = false;
        super.startElement(name, component);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        if ("role".equals(name)) {
            hasRole = true;
        }
        if (attribute.equals(name) && element.equals(current) && !hasRole) {
            return;
        }
        super.writeAttribute(name, value, property);
    }
}
