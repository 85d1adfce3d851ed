package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.agora.council.Meeting;
import org.agora.council.MembershipStatus;
import org.agora.council.RegistrationStatus;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.Language;
import org.agora.web.platform.Texts;

/** How the council pages word dates, statuses and meetings, in the visitor's language and the city's time. */
@Named
@RequestScoped
public class CouncilLabels {

    @Inject
    Language language;

    public String dateTime(Instant instant) {
        return CityTime.dateTime(instant, language.getCurrent());
    }

    public String membership(MembershipStatus status) {
        return text("council.membership.status." + status.name());
    }

    public String registration(RegistrationStatus status) {
        return text("council.registration.status." + status.name());
    }

    /** Where the meeting takes place: its address, "online", or both. */
    public String where(Meeting meeting) {
        if (meeting.getPlace().isPresent() && meeting.getOnlineLink().isPresent()) {
            return text("council.meeting.placeAndOnline", meeting.getPlace().get());
        }
        return meeting.getPlace().orElseGet(() -> text("council.meeting.online"));
    }

    public MeetingRow row(Meeting meeting) {
        return new MeetingRow(meeting.getId(), meeting.getTitle(), dateTime(meeting.getStartsAt()),
                meeting.getStartsAt().toString(), where(meeting), meeting.isMembersOnly(), meeting.hasMinutes(),
                meeting.isCancelled(), meeting.getCouncil().getName(), meeting.getCouncil().getId());
    }

    public String text(String key, Object... arguments) {
        return Texts.format(language.getCurrent(), key, arguments);
    }
}
