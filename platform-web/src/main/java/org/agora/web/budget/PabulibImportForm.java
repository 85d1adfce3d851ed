package org.agora.web.budget;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.agora.budget.call.Envelope;
import org.agora.budget.opendata.OpenDataService;
import org.agora.budget.opendata.PabulibFile;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.primefaces.model.file.UploadedFile;

/**
 * The office imports an election in the open Pabulib format (a .pb file counted elsewhere, or a past vote) as a
 * closed call; a malformed file is refused with its line number and nothing is imported.
 */
@Named
@ViewScoped
public class PabulibImportForm implements Serializable {

    @Inject
    OpenDataService openData;

    @Inject
    org.agora.web.security.CurrentUser currentUser;

    private String name;
    private Integer year = LocalDate.now().getYear();
    private transient UploadedFile file;

    public String importElection() {
        return FacesActions.run("import", () -> {
            if (file == null || file.getSize() == 0) {
                throw new InvalidInputException("file", "budget.import.noFile");
            }
            Envelope envelope;
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                envelope = openData.importElection(currentUser.actor(), name, year == null ? 0 : year,
                        PabulibFile.read(reader), Instant.now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FacesFeedback.done(envelope.getCall().findTallyRule().isPresent()
                    ? "budget.import.done" : "budget.import.doneRuleUnknown", name);
            return "/budget/results?faces-redirect=true&envelope=" + envelope.getId();
        });
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
