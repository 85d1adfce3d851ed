package org.agora.web.budget;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.budget.Ballot;
import org.agora.budget.BudgetPermissions;
import org.agora.budget.BudgetService;
import org.agora.budget.Envelope;
import org.agora.budget.VotingService;
import org.agora.shared.DistrictCode;
import org.agora.shared.DomainException;
import org.agora.shared.InvalidInputException;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The town-hall desk for one envelope ({@code ?envelope=}, its managers only): staff record the ballot of a resident
 * who votes in person, after checking who they are and where they live (the resident is then marked as having voted,
 * exactly as online), and add the paper ballots counted offline, all or none.
 */
@Named
@ViewScoped
public class DeskPage implements Serializable {

    @Inject
    transient VotingService voting;

    @Inject
    transient BudgetService budget;

    @Inject
    transient TerritoryService territory;

    @Inject
    BudgetLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long envelope;
    private EnvelopeHeading heading;
    private BallotChoices ballot;
    private List<SelectItem> districts;
    private String resident;
    private String residentDistrict;
    private Integer birthYear;
    private boolean minimumAge;
    private boolean manager;
    private String paper;

    public void load() {
        Optional<Envelope> found = envelope == null ? Optional.empty() : budget.findEnvelope(envelope);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Envelope e = found.get();
        if (!BudgetPermissions.canOpenDesk(currentUser.actor(), e)) {
            Pages.forbidden();
            return;
        }
        manager = BudgetPermissions.canManageEnvelope(currentUser.actor(), e.getDistrict());
        heading = EnvelopeHeading.of(e, labels);
        districts = territory.districts().stream().map(d -> new SelectItem(d.getCode().value(), d.getName())).toList();
        residentDistrict = e.getDistrict().map(DistrictCode::value).orElse(null);
        minimumAge = e.getCall().getMinimumAge().isPresent();
        freshBallot(e);
    }

    private void freshBallot(Envelope e) {
        ballot = new BallotChoices(e.getCall().getVotingRule(), e.getAmount().amount(), voting.ballot(e.getId()));
    }

    public String castForResident() {
        try {
            if (residentDistrict == null || residentDistrict.isBlank()) {
                throw new InvalidInputException("residentDistrict", "validation.required");
            }
            voting.castAtDesk(currentUser.actor(), resident, new DistrictCode(residentDistrict),
                    Optional.ofNullable(birthYear), envelope, ballot.ballot(), Instant.now());
            FacesFeedback.done("budget.desk.cast", resident.strip());
            return "/manage/budget/desk?faces-redirect=true&envelope=" + envelope;
        } catch (DomainException e) {
            FacesFeedback.refused("desk", e);
            return null;
        }
    }

    public String addPaperBallots() {
        try {
            List<Ballot> ballots = PaperBallots.parse(paper, ballot.getKind());
            int added = voting.addPaperBallots(currentUser.actor(), envelope, ballots, Instant.now());
            FacesFeedback.done("budget.paper.added", added);
            return "/manage/budget/desk?faces-redirect=true&envelope=" + envelope;
        } catch (InvalidInputException e) {
            FacesFeedback.refused("paper", inLines(e));
            return null;
        } catch (DomainException e) {
            FacesFeedback.refused("paper", e);
            return null;
        }
    }

    /** A ballot the rule refused, told by its line and the rule's own reason. */
    private InvalidInputException inLines(InvalidInputException e) {
        if (!"budget.vote.paperBallotRefused".equals(e.messageKey())) {
            return e;
        }
        Object[] arguments = e.arguments();
        Object[] reasonArguments = arguments.length > 2 && arguments[2] instanceof Object[] a ? a : new Object[0];
        String reason = Texts.format(language.getCurrent(), (String) arguments[1], reasonArguments);
        return new InvalidInputException(PaperBallots.FIELD, "budget.paper.lineRefused",
                PaperBallots.lineOf(paper, (Integer) arguments[0]), reason);
    }

    /** Paper ballots are added by the envelope's managers only. */
    public boolean isManager() {
        return manager;
    }

    public String getSummary() {
        return ballot.summary(language.getCurrent());
    }

    public BallotChoices getBallot() {
        return ballot;
    }

    public List<SelectItem> getDistricts() {
        return districts;
    }

    public EnvelopeHeading getHeading() {
        return heading;
    }

    public Long getEnvelope() {
        return envelope;
    }

    public void setEnvelope(Long envelope) {
        this.envelope = envelope;
    }

    public String getResident() {
        return resident;
    }

    public void setResident(String resident) {
        this.resident = resident;
    }

    public String getResidentDistrict() {
        return residentDistrict;
    }

    public void setResidentDistrict(String residentDistrict) {
        this.residentDistrict = residentDistrict;
    }

    /** Whether the call sets a minimum age, so that staff must type the birth year from the resident's papers. */
    public boolean isMinimumAge() {
        return minimumAge;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    public String getPaper() {
        return paper;
    }

    public void setPaper(String paper) {
        this.paper = paper;
    }
}
