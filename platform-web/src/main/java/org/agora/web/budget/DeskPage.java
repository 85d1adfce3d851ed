package org.agora.web.budget;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.counting.Ballot;
import org.agora.budget.vote.VotingService;
import org.agora.participation.InPersonResident;
import org.agora.participation.RegisterEntry;
import org.agora.participation.Resident;
import org.agora.participation.ResidentRegister;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.territory.TerritoryService;
import org.agora.web.participation.RegisterRow;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The town-hall desk for one envelope ({@code ?envelope=}): staff find the person on the register or among the
 * accounts (or enter a person without an account, after the near-duplicates were shown), then record their ballot or
 * mark them as having handed in a paper ballot: the same has-voted mark as online. The envelope's managers add the
 * paper ballots counted from the ballot box in batches, and close the count once the vote is over.
 */
@Named
@ViewScoped
public class DeskPage implements Serializable {

    @Inject
    VotingService voting;

    @Inject
    BudgetService budget;

    @Inject
    ResidentRegister register;

    @Inject
    TerritoryService territory;

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
    private boolean manager;

    private String query;
    private List<RegisterRow> found = List.of();
    private RegisterRow person;

    private String newName;
    private LocalDate newBirthDate;
    private String newDistrict;
    private List<RegisterRow> nearDuplicates = List.of();
    private boolean duplicatesChecked;

    private String paper;
    private String batchId;
    private long paperMarks;
    private long paperBallots;
    private boolean voteEnded;
    private boolean countClosed;

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
        Instant now = Instant.now();
        manager = BudgetPermissions.canManageEnvelope(currentUser.actor(), e.getDistrict());
        heading = EnvelopeHeading.of(e, labels);
        districts = territory.districts().stream().map(d -> new SelectItem(d.getCode().value(), d.getName())).toList();
        newDistrict = e.getDistrict().map(DistrictCode::value).orElse(null);
        ballot = new BallotChoices(e.getCall().getVotingRule(), e.getAmount().amount(), voting.ballot(e.getId()));
        batchId = UUID.randomUUID().toString();
        paperMarks = voting.paperMarks(e.getId());
        paperBallots = voting.paperBallots(e.getId());
        voteEnded = e.getCall().getPhases().vote().hasEnded(now);
        countClosed = e.isCountClosed(now);
    }

    /** Looks the person up on the register and among the accounts. */
    public void search() {
        FacesActions.runInPlace("find", () -> {
            person = null;
            found = register.search(currentUser.actor(), query).stream().map(this::shown).toList();
            if (found.isEmpty()) {
                FacesFeedback.doneInPlace("budget.desk.nobodyFound");
            }
        });
    }

    /** Chooses a person the search found; an account not on the register yet is enlisted now, as it is. */
    public void choose(String key) {
        FacesActions.runInPlace("find", () -> {
            RegisterRow chosen = found.stream().filter(p -> p.getKey().equals(key)).findFirst().orElseThrow(
                    () -> new InvalidInputException("query", "budget.desk.searchAgain"));
            // an account (on the register or not) through enlistAccount, which also names an entry that has no name
            Resident resident = chosen.getAccount() != null
                    ? register.enlistAccount(currentUser.actor(), chosen.getAccount(), Instant.now())
                    : register.get(chosen.residentId().orElseThrow());
            person = shown(resident);
        });
    }

    /** Enters a person without an account: shows the near-duplicates first, then enters once staff checked them. */
    public void enterInPerson() {
        FacesActions.runInPlace("newPerson", () -> {
            DistrictCode district = newDistrict == null || newDistrict.isBlank() ? null : new DistrictCode(newDistrict);
            InPersonResident draft = new InPersonResident(newName, newBirthDate, district);
            if (!duplicatesChecked) {
                nearDuplicates = register.nearDuplicates(currentUser.actor(), draft).stream().map(this::shown).toList();
                if (!nearDuplicates.isEmpty()) {
                    throw new InvalidInputException("fullName", "participation.register.checkNearDuplicates");
                }
            }
            person = shown(register.enlistInPerson(currentUser.actor(), draft, duplicatesChecked, Instant.now()));
            nearDuplicates = List.of();
            duplicatesChecked = false;
            newName = null;
            newBirthDate = null;
            FacesFeedback.doneInPlace("budget.desk.entered", person.getName());
        });
    }

    public String castForPerson() {
        return FacesActions.run("desk", () -> {
            long resident = chosenResident();
            voting.castAtDesk(currentUser.actor(), resident, envelope, ballot.ballot(), Instant.now());
            FacesFeedback.done("budget.desk.cast", person.getName());
            return again();
        });
    }

    public String markPaperVoter() {
        return FacesActions.run("desk", () -> {
            voting.markPaperVoter(currentUser.actor(), chosenResident(), envelope, Instant.now());
            FacesFeedback.done("budget.desk.paperMarked", person.getName());
            return again();
        });
    }

    public String addPaperBatch() {
        return FacesActions.run("paper", () -> {
            List<Ballot> ballots = PaperBallots.parse(paper, ballot.getKind());
            VotingService.PaperBatchResult result = added(ballots);
            FacesFeedback.done(result.alreadyEntered() ? "budget.paper.alreadyEntered" : "budget.paper.added",
                    result.ballots());
            return again();
        });
    }

    private VotingService.PaperBatchResult added(List<Ballot> ballots) {
        try {
            return voting.addPaperBatch(currentUser.actor(), envelope, batchId, ballots, Instant.now());
        } catch (InvalidInputException e) {
            throw inLines(e);
        }
    }

    public String closeCount() {
        return FacesActions.run("count", () -> {
            voting.closeCount(currentUser.actor(), envelope, Instant.now());
            FacesFeedback.done("budget.count.closed");
            return again();
        });
    }

    private String again() {
        return "/budget/manage/desk?faces-redirect=true&envelope=" + envelope;
    }

    private long chosenResident() {
        if (person == null || person.residentId().isEmpty()) {
            throw new InvalidInputException("query", "budget.desk.choosePerson");
        }
        return person.residentId().get();
    }

    private RegisterRow shown(RegisterEntry entry) {
        boolean voted = entry.residentId().map(id -> voting.hasVoted(id, envelope)).orElse(false);
        return RegisterRow.of(entry, voted, language.getCurrent());
    }

    private RegisterRow shown(Resident resident) {
        return shown(new RegisterEntry(Optional.of(resident.getId()), resident.getAccount(), resident.getShownName(),
                resident.getBirthDate(), resident.getBirthYear(), resident.getDistrict()));
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

    /** Paper batches and closing the count are for the envelope's managers only. */
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

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<RegisterRow> getFound() {
        return found;
    }

    public RegisterRow getPerson() {
        return person;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public LocalDate getNewBirthDate() {
        return newBirthDate;
    }

    public void setNewBirthDate(LocalDate newBirthDate) {
        this.newBirthDate = newBirthDate;
    }

    public String getNewDistrict() {
        return newDistrict;
    }

    public void setNewDistrict(String newDistrict) {
        this.newDistrict = newDistrict;
    }

    public List<RegisterRow> getNearDuplicates() {
        return nearDuplicates;
    }

    public boolean isDuplicatesChecked() {
        return duplicatesChecked;
    }

    public void setDuplicatesChecked(boolean duplicatesChecked) {
        this.duplicatesChecked = duplicatesChecked;
    }

    public String getPaper() {
        return paper;
    }

    public void setPaper(String paper) {
        this.paper = paper;
    }

    /** The batch's id, made when the page opened: a second submit of the same form is the same batch. */
    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    /** "N people handed in a paper ballot; M paper ballots entered so far." */
    public String getPaperCounts() {
        return Texts.format(language.getCurrent(), "budget.paper.counts", paperMarks, paperBallots);
    }

    public boolean isVoteEnded() {
        return voteEnded;
    }

    public boolean isCountClosed() {
        return countClosed;
    }
}
