package org.agora.web.platform;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces' file upload in simple mode, without its skin (the browser's own file field, as the platform's forms
 * use it), marks the visible field {@code aria-hidden="true"} although it takes the focus and is the only way to
 * choose a file: screen readers would skip the field a keyboard reaches (axe-core's aria-hidden-focus, WCAG 4.1.2).
 * The field is written without it; the skinned upload, whose field is really hidden behind a button, is unchanged.
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {

    @Override
    protected void encodeSimpleInputField(FacesContext context, FileUpload upload, String clientId, String inputId,
                                          String styleClass) throws IOException {
        if (upload.isSkinSimple()) {
            super.encodeSimpleInputField(context, upload, clientId, inputId, styleClass);
            return;
        }
        AttributeDroppingWriter.around(context, "input", "aria-hidden",
                () -> super.encodeSimpleInputField(context, upload, clientId, inputId, styleClass));
    }
}
