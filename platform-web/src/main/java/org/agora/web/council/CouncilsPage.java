package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.council.Council;
import org.agora.council.CouncilService;
import org.agora.council.Meeting;
import org.agora.council.MeetingService;
import org.agora.shared.Role;
import org.agora.web.security.CurrentUser;

/** The public directory of the councils ({@code /councils/index.xhtml}), district by district, with the next meeting. */
@Named
@RequestScoped
public class CouncilsPage {

    /** One council in the directory; {@code next} is its next public meeting, if any. */
    public record CouncilRow(long id, String name, String neighbourhood, Long coverImageId, MeetingRow next) {
    }

    /** The councils of one district. */
    public record DistrictGroup(String code, String name, List<CouncilRow> councils) {
    }

    @Inject
    CouncilService councils;

    @Inject
    MeetingService meetings;

    @Inject
    CouncilLabels labels;

    @Inject
    CurrentUser currentUser;

    private List<DistrictGroup> districts;

    public List<DistrictGroup> getDistricts() {
        if (districts == null) {
            Map<Long, Meeting> next = meetings.nextPublicMeetings(Instant.now());
            Map<String, List<CouncilRow>> byDistrict = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (Council council : councils.directory()) {
                String code = council.getDistrictCode().value();
                names.putIfAbsent(code, council.getNeighbourhood().getDistrict().getName());
                Meeting meeting = next.get(council.getId());
                byDistrict.computeIfAbsent(code, c -> new ArrayList<>()).add(new CouncilRow(council.getId(),
                        council.getName(), council.getNeighbourhood().getName(),
                        council.getCoverImageId().orElse(null), meeting == null ? null : labels.row(meeting)));
            }
            districts = byDistrict.entrySet().stream()
                    .map(e -> new DistrictGroup(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
        }
        return districts;
    }

    /** Whether this person creates councils (the office, the agents of some district). */
    public boolean isStaff() {
        return currentUser.actor().has(Role.OFFICE_ADMIN)
                || currentUser.actor().has(Role.DISTRICT_AGENT) && !currentUser.actor().agentDistricts().isEmpty();
    }
}
