package org.agora.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.agora.media.TestImages;
import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The minutes' PDF is checked by its content; a meeting's calendar file follows RFC 5545. */
class MinutesAndCalendarTest {

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void refused(ThrowingCallable action, String key) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).contains(MinutesFile.FIELD);
        });
    }

    @Test
    void aPdfIsAcceptedByItsContentAndItsNameMadeSafe() {
        MinutesFile file = MinutesFile.read("C:\\docs\\compte \"rendu\".pdf", pdf());
        assertThat(file.name()).isEqualTo("compte rendu.pdf");
        assertThat(MinutesFile.read(null, pdf()).name()).isEqualTo("minutes.pdf");
        assertThat(MinutesFile.read("cr", pdf()).name()).isEqualTo("cr.pdf");
    }

    @Test
    void aFileThatIsNotAPdfOrTooLargeOrEmptyIsRefused() {
        refused(() -> MinutesFile.read("cr.pdf", TestImages.png(10, 10)), "council.minutes.notPdf");
        refused(() -> MinutesFile.read("cr.pdf", "%PDF-1.4 cut in the middle".getBytes(StandardCharsets.US_ASCII)),
                "council.minutes.notPdf");
        refused(() -> MinutesFile.read("cr.exe", pdf()), "council.minutes.notPdf");
        refused(() -> MinutesFile.read("cr.pdf", new byte[0]), "council.minutes.pdfEmpty");
        byte[] huge = Arrays.copyOf(pdf(), MinutesFile.MAX_BYTES + 1);
        refused(() -> MinutesFile.read("cr.pdf", huge), "council.minutes.pdfTooLarge");
    }

    @Test
    void textValuesAreEscaped() {
        assertThat(MeetingCalendar.text("a;b,c\\d\ne\r\nf")).isEqualTo("a\\;b\\,c\\\\d\\ne\\nf");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutCuttingACharacter() {
        StringBuilder out = new StringBuilder();
        MeetingCalendar.line(out, "SUMMARY:" + "é".repeat(100));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSizeGreaterThan(2);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = out.toString().replace("\r\n ", "");
        assertThat(unfolded).isEqualTo("SUMMARY:" + "é".repeat(100) + "\r\n");
    }

    @Test
    void aMeetingBecomesOneEventInUtc() {
        Meeting meeting = new Meeting(Councils.council(false), new MeetingDraft("Réunion; publique, ouverte",
                java.time.Instant.parse("2027-03-08T17:30:00Z"), 90, "Maison de quartier, 12 rue des Lilas",
                "https://visio.example/x", "<ol><li>Propreté</li><li>Fête</li></ol>", false, null), "agent",
                Councils.NOW);
        String ics = MeetingCalendar.ics(meeting, "agora.belrive.example", "https://agora.example/council/meeting?id=1",
                java.time.Instant.parse("2027-03-01T10:15:30.123Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:");
        assertThat(ics).endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("\r\nDTSTART:20270308T173000Z\r\n", "\r\nDTEND:20270308T190000Z\r\n",
                "\r\nDTSTAMP:20270301T101530Z\r\n", "\r\nUID:council-meeting-null@agora.belrive.example\r\n",
                "\r\nSUMMARY:Réunion\\; publique\\, ouverte – Conseil de quartier des Aubiers\r\n",
                "\r\nLOCATION:Maison de quartier\\, 12 rue des Lilas\r\n",
                "\r\nDESCRIPTION:Propreté\\nFête\\nhttps://visio.example/x\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
    }
}
