package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModeratedItem;
import org.agora.moderation.ModerationTargets;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotFoundException;

/**
 * The free-text answers shown in a consultation's public results as moderation items. Organisers approve each text
 * before the public reads it; a reader may still report one that got through (a name, a telephone number). Hiding a
 * text withdraws its approval, so it leaves the public results; showing it approves it again. An anonymous response
 * has no author: nobody is told, and nothing links the text to a person.
 *
 * <p>A text is stored as a row of its response ({@code response_answers}: response id and position); the first report
 * of it gives it an id of its own ({@link ReportedText}), which is the moderation item's.
 */
@ApplicationScoped
public class ConsultationTextModeration implements ModerationTargets {

    private EntityManager em;

    protected ConsultationTextModeration() {
        // for CDI
    }

    @Inject
    public ConsultationTextModeration(EntityManager em) {
        this.em = em;
    }

    /** The item id of a response's text row, made at its first report; refused when there is no such text. */
    @Transactional
    public long itemFor(long responseId, int position) {
        Optional<ReportedText> known = em.createQuery("select t from ReportedText t where t.responseId = :r"
                        + " and t.position = :p", ReportedText.class).setParameter("r", responseId)
                .setParameter("p", position).getResultStream().findFirst();
        if (known.isPresent()) {
            return known.get().getId();
        }
        if (em.createNativeQuery("select count(*) from response_answers where response_id = ?1 and position = ?2"
                        + " and text_value is not null").setParameter(1, responseId).setParameter(2, position)
                .getSingleResult() instanceof Number n && n.longValue() == 0) {
            throw new NotFoundException("moderation.item.notFound", responseId);
        }
        ReportedText text = new ReportedText(responseId, position);
        em.persist(text);
        Constraints.flush(em, () -> new ConflictException(null, "moderation.case.changedMeanwhile"));
        return text.getId();
    }

    @Override
    public ItemKind kind() {
        return ItemKind.CONSULTATION_TEXT;
    }

    /** The text for those who may read it: an approved one in published results, or any for its organisers. */
    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return text(id).filter(t -> t.approved()
                        || ConsultationPermissions.canReviewTexts(reader, t.consultation().getScope()))
                .filter(t -> t.consultation().getQuestionnaire().questions().stream()
                        .filter(q -> q.id().equals(t.question())).findFirst()
                        .map(q -> ConsultationPermissions.canSeeTexts(reader, t.consultation().getScope(),
                                t.consultation().getStatus(),
                                t.consultation().getPublications().getOrDefault(q.id(), Publication.FIGURES)))
                        .orElse(false))
                .map(ConsultationTextModeration::item);
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return text(id).map(ConsultationTextModeration::item);
    }

    /** Hidden (or held) withdraws the text's approval; shown approves it. */
    @Override
    public void show(long id, Visibility visibility) {
        ReportedText row = em.find(ReportedText.class, id);
        if (row == null) {
            return;
        }
        em.createNativeQuery("update response_answers set text_approved = ?1 where response_id = ?2 and position = ?3"
                        + " and text_value is not null")
                .setParameter(1, visibility.isVisible()).setParameter(2, row.getResponseId())
                .setParameter(3, row.getPosition()).executeUpdate();
    }

    private record Text(long id, Consultation consultation, String question, String value, boolean approved,
                        String respondent) {
    }

    private Optional<Text> text(long id) {
        ReportedText reported = em.find(ReportedText.class, id);
        if (reported == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select r.consultation_id, a.question_code, a.text_value, a.text_approved,"
                        + " r.respondent from response_answers a join responses r on r.id = a.response_id"
                        + " where a.response_id = ?1 and a.position = ?2 and a.text_value is not null"
                        + " and r.status = 'SUBMITTED'")
                .setParameter(1, reported.getResponseId()).setParameter(2, reported.getPosition()).getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row).flatMap(row -> Optional.ofNullable(
                        em.find(Consultation.class, ((Number) row[0]).longValue()))
                .map(c -> new Text(id, c, (String) row[1], (String) row[2], Boolean.TRUE.equals(row[3]),
                        (String) row[4])));
    }

    private static ModeratedItem item(Text text) {
        Visibility visibility = text.approved() ? Visibility.SHOWN : Visibility.PENDING_REVIEW;
        return new ModeratedItem(new ItemRef(ItemKind.CONSULTATION_TEXT, text.id()),
                text.respondent() == null ? "" : text.respondent(), text.consultation().getScope().district(),
                text.value(), "consultations/results.xhtml?id=" + text.consultation().getId() + "#text-" + text.id(),
                visibility, Optional.of(text.consultation().getModerationSpace()));
    }
}
