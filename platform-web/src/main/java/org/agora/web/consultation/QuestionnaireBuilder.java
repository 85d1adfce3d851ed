package org.agora.web.consultation;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationReading;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.ConsultationStatus;
import org.agora.consultation.Option;
import org.agora.consultation.QuestionSpec;
import org.agora.consultation.QuestionType;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;
import org.primefaces.event.ReorderEvent;

/**
 * The questionnaire of a consultation ({@code ?id=12}) for its organisers: add, edit, delete and reorder questions
 * while it is a draft or scheduled, read only afterwards. Every change sends the whole list to
 * {@link ConsultationService#replaceQuestions}, so the domain checks the questionnaire as a whole; a refused change
 * leaves the saved list as it was and the editor as the organiser typed it.
 */
@Named
@ViewScoped
public class QuestionnaireBuilder implements Serializable {

    /** Editor inputs named differently from the domain's fields. */
    private static final Map<String, String> EDITOR_INPUTS = Map.of("condition", "conditionQuestion", "option", "options");
    private static final Pattern GENERATED_ID = Pattern.compile("q(\\d{1,6})");

    @Inject
    ConsultationService consultations;

    @Inject
    ConsultationReading reading;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long id;
    private Long consultationId;
    private String title;
    private ConsultationStatus status;
    private transient List<QuestionSpec> questions;
    private QuestionEditor editor;

    /** View action: the consultation named in the address; 404 when unknown, 403 when not this person's to organise. */
    public void load() {
        if (id == null) {
            Pages.notFound();
            return;
        }
        try {
            show(reading.toOrganise(currentUser.actor(), id));
        } catch (NotFoundException | NotAllowedException refused) {
            Pages.refused(refused);
        }
    }

    private void show(Consultation consultation) {
        consultationId = consultation.getId();
        title = consultation.getTitle();
        status = consultation.getStatus();
        questions = consultation.getQuestionnaire().questions().stream().map(QuestionSpec::of).toList();
    }

    /** The saved questions (read again after the view was restored from elsewhere). */
    private List<QuestionSpec> questions() {
        if (questions == null) {
            show(consultations.get(consultationId));
        }
        return questions;
    }

    // --- actions ---

    public void startAdding() {
        editor = new QuestionEditor();
    }

    public void startEditing(String questionId) {
        editor = indexOf(questionId) < 0 ? null : QuestionEditor.of(questions().get(indexOf(questionId)));
    }

    public void cancel() {
        editor = null;
    }

    public void saveQuestion() {
        String questionId = editor.isAdding() ? nextId() : editor.getQuestionId();
        try {
            QuestionSpec spec = editor.toSpec(questionId);
            List<QuestionSpec> changed = new ArrayList<>(questions());
            int index = indexOf(questionId);
            if (index < 0) {
                changed.add(spec);
            } else {
                changed.set(index, spec);
            }
            save(changed);
            editor = null;
            FacesFeedback.doneInPlace("consultation.builder.saved", spec.text());
        } catch (DomainException e) {
            // a condition of another question (one that depends on an option removed here) is not this editor's
            boolean aboutAnother = e.field().filter("condition"::equals).isPresent()
                    && !Arrays.asList(e.arguments()).contains(questionId);
            FacesFeedback.refused(aboutAnother ? "questionList" : "editor", e, EDITOR_INPUTS);
        }
    }

    public void moveUp(String questionId) {
        move(questionId, indexOf(questionId) - 1);
    }

    public void moveDown(String questionId) {
        move(questionId, indexOf(questionId) + 1);
    }

    /** Drag and drop in the table. */
    public void reordered(ReorderEvent event) {
        if (event.getFromIndex() >= 0 && event.getFromIndex() < questions().size()) {
            move(questions().get(event.getFromIndex()).id(), event.getToIndex());
        }
    }

    private void move(String questionId, int to) {
        int from = indexOf(questionId);
        if (from < 0 || to < 0 || to >= questions().size() || to == from) {
            return;
        }
        List<QuestionSpec> changed = new ArrayList<>(questions());
        changed.add(to, changed.remove(from));
        change(changed, "consultation.builder.moved", changed.get(to).text(), to + 1);
    }

    public void delete(String questionId) {
        int index = indexOf(questionId);
        if (index < 0) {
            return;
        }
        List<QuestionSpec> changed = new ArrayList<>(questions());
        QuestionSpec removed = changed.remove(index);
        boolean deleted = change(changed, "consultation.builder.deleted", removed.text());
        if (deleted && editor != null && questionId.equals(editor.getQuestionId())) {
            editor = null;
        }
    }

    private boolean change(List<QuestionSpec> changed, String doneKey, Object... arguments) {
        return FacesActions.runInPlace("questionList", () -> {
            save(changed);
            FacesFeedback.doneInPlace(doneKey, arguments);
        });
    }

    private void save(List<QuestionSpec> changed) {
        Consultation saved = consultations.replaceQuestions(currentUser.actor(), consultationId,
                changed.stream().map(QuestionSpec::toQuestion).toList());
        show(saved);
    }

    private int indexOf(String questionId) {
        List<QuestionSpec> specs = questions();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    /** q1, q2...: one more than the highest such id, so a deleted question's id is never given to another. */
    private String nextId() {
        int highest = questions().stream().map(q -> GENERATED_ID.matcher(q.id())).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        return "q" + (highest + 1);
    }

    // --- for the page ---

    public boolean isEditable() {
        return status != null && status.questionsEditable();
    }

    public List<QuestionSummary> getQuestions() {
        List<QuestionSpec> specs = questions();
        List<QuestionSummary> lines = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            QuestionSpec q = specs.get(i);
            lines.add(new QuestionSummary(i + 1, q.id(), q.text(), q.help(),
                    text("consultation.questionType." + q.type().name()), q.required(), condition(q), details(q),
                    i == specs.size() - 1));
        }
        return lines;
    }

    private String condition(QuestionSpec q) {
        if (q.conditionQuestion() == null) {
            return "";
        }
        Optional<QuestionSpec> target = questions().stream().filter(t -> t.id().equals(q.conditionQuestion())).findFirst();
        String option = target.flatMap(t -> t.options().stream().filter(o -> o.id().equals(q.conditionOption()))
                .findFirst()).map(Option::label).orElse(q.conditionOption());
        return text("consultation.builder.shownWhen", target.map(QuestionSpec::text).orElse(q.conditionQuestion()), option);
    }

    private String details(QuestionSpec q) {
        return switch (q.type()) {
            case SINGLE_CHOICE, RANKING -> labels(q.options());
            case MULTIPLE_CHOICE -> labels(q.options()) + " · " + text("consultation.builder.atMost", q.maxChoices());
            case SCALE -> text("consultation.builder.range", end(q.min(), q.minLabel()), end(q.max(), q.maxLabel()));
            case NUMBER -> q.min() == null && q.max() == null ? ""
                    : text("consultation.builder.range", q.min() == null ? "−∞" : q.min().toPlainString(),
                            q.max() == null ? "+∞" : q.max().toPlainString());
            case MATRIX -> text("consultation.builder.matrix", labels(q.rows()), labels(q.options()));
            case SHORT_TEXT, LONG_TEXT -> "";
        };
    }

    private static String labels(List<Option> options) {
        return options.stream().map(Option::label).collect(Collectors.joining(" / "));
    }

    private static String end(BigDecimal value, String label) {
        return value.toPlainString() + (label == null || label.isEmpty() ? "" : " (" + label + ")");
    }

    public List<SelectItem> getTypes() {
        return Arrays.stream(QuestionType.values())
                .map(t -> new SelectItem(t, text("consultation.questionType." + t.name())))
                .toList();
    }

    /** The questions the edited one may depend on: choice questions before it. */
    public List<SelectItem> getConditionQuestions() {
        List<QuestionSpec> specs = questions();
        int before = editor == null || editor.isAdding() ? specs.size() : Math.max(indexOf(editor.getQuestionId()), 0);
        return specs.subList(0, before).stream().filter(q -> q.type().isChoice())
                .map(q -> new SelectItem(q.id(), q.text()))
                .toList();
    }

    /** The options of the question chosen in "show only when". */
    public List<SelectItem> getConditionOptions() {
        int index = editor == null ? -1 : indexOf(String.valueOf(editor.getConditionQuestion()));
        return index < 0 ? List.of() : questions().get(index).options().stream()
                .map(o -> new SelectItem(o.id(), o.label()))
                .toList();
    }

    public String getEditorHeading() {
        return editor.isAdding() ? text("consultation.builder.new") : text("consultation.builder.edit", editor.getQuestionId());
    }

    public String getStatusLabel() {
        return status == null ? null : text("consultation.status." + status.name());
    }

    private String text(String key, Object... arguments) {
        Locale locale = language.getCurrent();
        return Texts.format(locale, key, arguments);
    }

    public QuestionEditor getEditor() {
        return editor;
    }

    public boolean isEditing() {
        return editor != null;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public String getTitle() {
        return title;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
