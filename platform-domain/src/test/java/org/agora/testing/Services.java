package org.agora.testing;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.agora.budget.call.BudgetService;
import org.agora.budget.followup.FollowUpService;
import org.agora.budget.opendata.OpenDataService;
import org.agora.budget.project.ProjectComments;
import org.agora.budget.project.ProjectModeration;
import org.agora.budget.project.ProjectService;
import org.agora.budget.project.ReviewService;
import org.agora.budget.vote.BallotCount;
import org.agora.budget.vote.ElectionKeys;
import org.agora.budget.vote.TallyService;
import org.agora.budget.vote.VotingService;
import org.agora.comment.CommentModeration;
import org.agora.comment.CommentService;
import org.agora.consultation.ConsultationComments;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.ConsultationTextModeration;
import org.agora.consultation.ResponseSeal;
import org.agora.consultation.ResponseService;
import org.agora.council.CouncilDocumentService;
import org.agora.council.CouncilNewsService;
import org.agora.council.CouncilService;
import org.agora.council.DocumentModeration;
import org.agora.council.IdeaComments;
import org.agora.council.IdeaModeration;
import org.agora.council.IdeaService;
import org.agora.council.MeetingService;
import org.agora.council.NewsPostComments;
import org.agora.council.NewsPostModeration;
import org.agora.media.DocumentFile;
import org.agora.media.DocumentService;
import org.agora.media.ImageService;
import org.agora.notification.MailQueue;
import org.agora.notification.NotificationService;
import org.agora.notification.Notifications;
import org.agora.notification.UnsubscribeLinks;
import org.agora.participation.ProfileNames;
import org.agora.participation.ResidentDirectory;
import org.agora.participation.ResidentRegister;
import org.agora.moderation.AuditLog;
import org.agora.moderation.AutoHide;
import org.agora.moderation.BlockService;
import org.agora.moderation.ModerationHolds;
import org.agora.moderation.ModerationNotices;
import org.agora.moderation.ModerationService;
import org.agora.territory.TerritoryService;

/**
 * The domain's services on one entity manager, each with its collaborators, as CDI wires them in the application:
 * how the persistence contracts build the services they test.
 */
public final class Services {

    private final EntityManager em;
    private final ResponseSeal seal;

    private Services(EntityManager em, ResponseSeal seal) {
        this.em = em;
        this.seal = seal;
    }

    /** Services without the key that seals anonymous responses: they serve everything but those responses. */
    public static Services on(EntityManager em) {
        return new Services(em, null);
    }

    /** The same services, sealing anonymous responses with this key. */
    public Services sealedWith(ResponseSeal key) {
        return new Services(em, key);
    }

    public TerritoryService territory() {
        return new TerritoryService(em);
    }

    public ImageService images() {
        return new ImageService(em);
    }

    public DocumentService documents() {
        return new DocumentService(em, DocumentFile.DEFAULT_MAX_MEGABYTES);
    }

    public ResponseService responses() {
        return new ResponseService(em, seal);
    }

    public ConsultationService consultations() {
        return new ConsultationService(em, territory(), images(), responses());
    }

    public CouncilService councils() {
        return new CouncilService(em, images());
    }

    public MeetingService meetings() {
        return new MeetingService(em, councils(), notifications());
    }

    public IdeaService ideas() {
        return new IdeaService(em, councils(), holds());
    }

    public CouncilNewsService councilNews() {
        return new CouncilNewsService(em, councils());
    }

    public CouncilDocumentService councilDocuments() {
        return new CouncilDocumentService(em, documents(), councils());
    }

    /** The comments, with every capability whose content takes them. */
    public CommentService comments() {
        return new CommentService(em, List.of(new ProjectComments(em), new ConsultationComments(em),
                new NewsPostComments(em, councils(), councilNews()), new IdeaComments(em, councils(), ideas())),
                notifications(), holds());
    }

    public AuditLog audit() {
        return new AuditLog(em);
    }

    /** Moderation over every capability whose items may be reported, hiding after {@code autoHide} reports. */
    public ModerationService moderation(int autoHide) {
        return new ModerationService(em, List.of(new CommentModeration(em, comments()), new ProjectModeration(em),
                new IdeaModeration(em, councils()), new NewsPostModeration(em, councils(), councilNews()),
                new DocumentModeration(em, councils(), councilDocuments()), new ConsultationTextModeration(em),
                new ProfileNames(em)), audit(),
                new AutoHide(autoHide), new ModerationNotices(notifications())::tell);
    }

    public ProfileNames profileNames() {
        return new ProfileNames(em);
    }

    public ModerationHolds holds() {
        return new ModerationHolds(em, audit());
    }

    public BlockService blocks() {
        return new BlockService(em, audit());
    }

    public Notifications notifications() {
        return new Notifications(em);
    }

    /** The notification centre, signing unsubscribe links with the tests' secret. */
    public NotificationService notificationCentre() {
        return new NotificationService(em, TEST_LINKS);
    }

    public org.agora.notification.Campaigns campaigns() {
        return new org.agora.notification.Campaigns(em, notifications());
    }

    public org.agora.newsletter.NewsletterService newsletters() {
        return new org.agora.newsletter.NewsletterService(em, notifications(), audit());
    }

    public MailQueue mailQueue() {
        return new MailQueue(em);
    }

    /** The unsubscribe links of the tests (a secret made for them, never used elsewhere). */
    public static final UnsubscribeLinks TEST_LINKS =
            UnsubscribeLinks.withSecret("dGVzdC1vbmx5IGxpbmsgc2VjcmV0IC0tLS0gbm90IGZvciBwcm9kdWN0aW9uIQ==");

    public BudgetService budget() {
        return new BudgetService(em, territory());
    }

    public ProjectService projects() {
        return new ProjectService(em, territory(), images(), holds());
    }

    public ReviewService reviews() {
        return new ReviewService(em, notifications(), audit());
    }

    /** The vote, sealing ballots with the secret of the system property or the environment. */
    public VotingService voting() {
        return voting(ElectionKeys.fromSystem());
    }

    /** The vote, sealing ballots with these keys. */
    public VotingService voting(ElectionKeys keys) {
        return new VotingService(em, register(), blocks(), keys);
    }

    /** The platform's register of residents, with no directory of accounts behind it. */
    public ResidentRegister register() {
        return new ResidentRegister(em, ResidentDirectory.NONE);
    }

    /** The opening of sealed ballots, with the secret of the system property or the environment. */
    public BallotCount ballotCount() {
        return new BallotCount(em, ElectionKeys.fromSystem());
    }

    /** The count, opening sealed ballots with the secret of the system property or the environment. */
    public TallyService tally() {
        return tally(ElectionKeys.fromSystem());
    }

    /** The count, opening sealed ballots with these keys. */
    public TallyService tally(ElectionKeys keys) {
        return new TallyService(em, new BallotCount(em, keys), voting(keys));
    }

    public FollowUpService followUps() {
        return new FollowUpService(em, images(), tally());
    }

    public OpenDataService openData() {
        return new OpenDataService(em, budget(), tally(), voting());
    }
}
