package org.agora.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.agora.privacy.PersonalData.Section;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.RichText;

/**
 * Gathers what the platform holds about a person, for "my data": every table that names them by their username
 * (the register's row and its vote marks, consultation responses, budget proposals and supports, comments, council
 * memberships, ideas, registrations and uploads, notifications and their settings, moderation reports and decisions
 * about them). It reads the capabilities' tables directly, as the KPIs do: a read model that changes nothing.
 *
 * <p>What it leaves out on purpose: ballot contents (nothing links a ballot to a person; the register's mark is the
 * only record of a vote, without its time); the answers of an anonymous consultation (they were sealed and then
 * stored without the respondent: only the fact that the person answered is kept); the staff's audit log, which is
 * the city's record of its own acts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MyData {

    private EntityManager em;

    protected MyData() {
        // for CDI
    }

    @Inject
    public MyData(EntityManager em) {
        this.em = em;
    }

    /** The person's own data; only for themselves, signed in. */
    public PersonalData of(Actor actor, Instant now) {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("privacy.signIn");
        }
        String me = actor.username();
        List<Section> sections = new ArrayList<>();
        add(sections, "register", List.of("full_name", "birth_date", "birth_year", "district", "district_changed_at",
                        "enlisted_at", "enlisted_by"),
                "select full_name, birth_date, birth_year, district_code, district_changed_at, enlisted_at, enlisted_by"
                        + " from residents where account = ?1", me);
        add(sections, "votes", List.of("budget_call", "envelope_district", "channel"),
                "select c.name, e.district_code, m.channel from vote_marks m join residents r on r.id = m.resident_id"
                        + " join budget_calls c on c.id = m.call_id left join envelopes e on e.id = m.envelope_id"
                        + " where r.account = ?1 order by c.id, m.scope", me);
        add(sections, "consultation_responses", List.of("consultation", "status", "saved_at", "submitted_at"),
                "select c.title, r.status, r.saved_at, r.submitted_at from responses r"
                        + " join consultations c on c.id = r.consultation_id where r.respondent = ?1 order by r.id", me);
        add(sections, "consultation_answers", List.of("consultation", "question", "row", "option", "rank", "number",
                        "text"),
                "select c.title, a.question_code, a.row_code, a.option_code, a.rank_position, a.number_value,"
                        + " a.text_value from response_answers a join responses r on r.id = a.response_id"
                        + " join consultations c on c.id = r.consultation_id where r.respondent = ?1"
                        + " order by r.id, a.position", me);
        add(sections, "consultations_answered_anonymously", List.of("consultation"),
                "select c.title from consultation_participations p join consultations c on c.id = p.consultation_id"
                        + " where p.respondent = ?1 and c.anonymous = true order by c.id", me);
        add(sections, "budget_projects", List.of("title", "description", "address", "estimated_cost", "status",
                        "submitted_at"),
                "select p.title, p.description, p.address, p.estimated_cost, p.status, p.submitted_at"
                        + " from budget_projects p join project_authors a on a.project_id = p.id where a.author = ?1"
                        + " order by p.id", me);
        add(sections, "budget_supports", List.of("project"),
                "select p.title from project_supports s join budget_projects p on p.id = s.project_id"
                        + " where s.supporter = ?1 order by p.id", me);
        add(sections, "comments", List.of("on", "on_id", "shown_name", "text", "status", "written_at", "edited_at"),
                "select target_kind, target_id, author_name, body, status, created_at, edited_at from comments"
                        + " where author = ?1 order by id", me, "text");
        add(sections, "council_memberships", List.of("council", "shown_name", "status", "asked_at", "changed_at"),
                "select c.name, m.display_name, m.status, m.asked_at, m.changed_at from council_memberships m"
                        + " join councils c on c.id = m.council_id where m.username = ?1 order by m.id", me);
        add(sections, "meeting_registrations", List.of("meeting", "starts_at", "shown_name", "status",
                        "registered_at"),
                "select t.title, t.starts_at, r.display_name, r.status, r.registered_at from meeting_registrations r"
                        + " join council_meetings t on t.id = r.meeting_id where r.username = ?1 order by r.id", me);
        add(sections, "council_ideas", List.of("council", "title", "text", "shown_name", "posted_at", "status"),
                "select c.name, i.title, i.body, i.author_name, i.posted_at, i.status from council_ideas i"
                        + " join councils c on c.id = i.council_id where i.author = ?1 order by i.id", me, "text");
        add(sections, "council_idea_supports", List.of("idea", "supported_at"),
                "select i.title, s.supported_at from council_idea_supports s join council_ideas i on i.id = s.idea_id"
                        + " where s.supporter = ?1 order by s.supported_at", me);
        add(sections, "uploaded_files", List.of("file_name", "content_type", "bytes", "uploaded_at"),
                "select file_name, content_type, byte_size, uploaded_at from documents where uploaded_by = ?1"
                        + " order by id", me);
        add(sections, "notification_settings", List.of("language"),
                "select language from notification_preferences where person = ?1", me);
        add(sections, "followed_themes", List.of("theme"),
                "select t.name from followed_themes f join themes t on t.id = f.theme_id where f.person = ?1 order by t.name", me);
        add(sections, "notification_choices", List.of("kind", "in_app", "by_email"),
                "select kind, in_app, by_email from notification_choices where person = ?1 order by kind", me);
        add(sections, "notifications", List.of("kind", "event", "link", "created_at", "read_at"),
                "select kind, event_key, link, created_at, read_at from notifications where recipient = ?1"
                        + " order by id", me);
        add(sections, "mails", List.of("kind", "event", "status", "sent_to", "created_at", "sent_at"),
                "select kind, event_key, status, sent_to, created_at, sent_at from mails where recipient = ?1"
                        + " order by id", me);
        add(sections, "reports_made", List.of("item_kind", "item_id", "reason", "details", "status", "reported_at"),
                "select c.item_kind, c.item_id, r.reason, r.details, r.status, r.reported_at from moderation_reports r"
                        + " join moderation_cases c on c.id = r.case_id where r.reporter = ?1 order by r.id", me);
        add(sections, "moderation_of_my_contributions", List.of("item_kind", "item_id", "state", "public_reason",
                        "decided_at"),
                "select item_kind, item_id, state, public_reason, decided_at from moderation_cases where author = ?1"
                        + " order by id", me);
        add(sections, "activity", List.of("last_seen_on"),
                "select last_seen_on from account_activity where username = ?1", me);
        add(sections, "terms_accepted", List.of("version", "accepted_at"),
                "select version, accepted_at from terms_consents where username = ?1 order by accepted_at", me);
        add(sections, "block", List.of("reason", "blocked_at"),
                "select reason, blocked_at from resident_blocks where username = ?1", me);
        return new PersonalData(me, now, sections);
    }

    /** The section of these columns read by this query, if it finds anything; {@code html} columns as plain text. */
    private void add(List<Section> sections, String key, List<String> columns, String sql, String me,
                     String... html) {
        List<?> found = em.createNativeQuery(sql).setParameter(1, me).getResultList();
        if (found.isEmpty()) {
            return;
        }
        List<String> rich = List.of(html);
        List<List<String>> rows = new ArrayList<>();
        for (Object row : found) {
            Object[] values = row instanceof Object[] array ? array : new Object[] {row};
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                String text = text(values[i]);
                texts.add(text != null && rich.contains(columns.get(i)) ? RichText.plainText(text) : text);
            }
            rows.add(texts);
        }
        sections.add(new Section(key, columns, rows));
    }

    /** A stored value as text: instants in UTC (ISO 8601), numbers in plain notation. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
