package org.agora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentFileTest {

    private static final int LIMIT = DocumentFile.DEFAULT_MAX_MEGABYTES;

    static Stream<Arguments> realDocuments() {
        return Stream.of(
                Arguments.of("compte-rendu.pdf", (Supplier<byte[]>) TestDocuments::pdf, DocumentFormat.PDF),
                Arguments.of("ordre du jour.docx", (Supplier<byte[]>) () -> TestDocuments.docx("Ordre du jour"), DocumentFormat.DOCX),
                Arguments.of("budget.xlsx", (Supplier<byte[]>) TestDocuments::xlsx, DocumentFormat.XLSX),
                Arguments.of("présentation.pptx", (Supplier<byte[]>) TestDocuments::pptx, DocumentFormat.PPTX),
                Arguments.of("budget.xls", (Supplier<byte[]>) TestDocuments::xls, DocumentFormat.XLS),
                Arguments.of("ancien.doc", (Supplier<byte[]>) TestDocuments::doc, DocumentFormat.DOC),
                Arguments.of("lettre.odt", (Supplier<byte[]>) TestDocuments::odt, DocumentFormat.ODT),
                Arguments.of("tableau.ods", (Supplier<byte[]>) TestDocuments::ods, DocumentFormat.ODS),
                Arguments.of("plan.png", (Supplier<byte[]>) () -> TestImages.png(30, 20), DocumentFormat.PNG),
                Arguments.of("photo.JPG", (Supplier<byte[]>) () -> TestImages.jpeg(30, 20), DocumentFormat.JPEG),
                Arguments.of("anim.gif", (Supplier<byte[]>) () -> TestImages.gif(10, 10), DocumentFormat.GIF));
    }

    @ParameterizedTest
    @MethodSource("realDocuments")
    void realDocumentIsAcceptedWithTheTypeOfItsContent(String name, Supplier<byte[]> content, DocumentFormat format) {
        byte[] bytes = content.get();

        DocumentFile file = DocumentFile.read(name, bytes, LIMIT);

        assertThat(file.format()).isEqualTo(format);
        assertThat(file.contentType()).isEqualTo(format.contentType());
        assertThat(file.fileName()).isEqualTo(name);
        assertThat(file.size()).isEqualTo(bytes.length);
        assertThat(file.bytes()).isEqualTo(bytes);
    }

    @Test
    void textRenamedPdfIsRefusedForNotBeingWhatItsNameSays() {
        InvalidInputException e = assertRefused(
                () -> DocumentFile.read("rapport.pdf", TestDocuments.text("Compte rendu de la réunion du 3 mars"), LIMIT),
                "media.document.notWhatItsNameSays");
        assertThat(e.arguments()).containsExactly("pdf", "PDF");
    }

    @Test
    void htmlRenamedAsAnOfficeFileIsRefused() {
        byte[] html = TestDocuments.text("<html><body><script>alert(1)</script></body></html>");
        InvalidInputException e = assertRefused(() -> DocumentFile.read("budget.xlsx", html, LIMIT),
                "media.document.notWhatItsNameSays");
        assertThat(e.arguments()).containsExactly("xlsx", "Excel");
    }

    @Test
    void acceptedContentUnderAnotherFormatsNameIsRefusedForItsName() {
        InvalidInputException e = assertRefused(() -> DocumentFile.read("ordre du jour.pdf", TestDocuments.docx("x"), LIMIT),
                "media.document.wrongExtension");
        assertThat(e.arguments()).containsExactly("Word", "pdf");
        assertRefused(() -> DocumentFile.read("compte-rendu.docx", TestDocuments.pdf(), LIMIT), "media.document.wrongExtension");
        assertRefused(() -> DocumentFile.read("budget.xlsx", TestDocuments.xls(), LIMIT), "media.document.wrongExtension");
        assertRefused(() -> DocumentFile.read("lettre.docx", TestDocuments.odt(), LIMIT), "media.document.wrongExtension");
    }

    @Test
    void acceptedContentUnderANameOfAnUnacceptedKindIsRefusedForItsName() {
        InvalidInputException e = assertRefused(() -> DocumentFile.read("setup.exe", TestDocuments.pdf(), LIMIT),
                "media.document.wrongExtension");
        assertThat(e.arguments()).containsExactly("PDF", "exe");
        assertRefused(() -> DocumentFile.read("notes.txt", TestDocuments.pdf(), LIMIT), "media.document.wrongExtension");
    }

    @Test
    void contentOfNoAcceptedKindUnderANameOfNoAcceptedKindIsRefusedWithTheAcceptedList() {
        InvalidInputException e = assertRefused(() -> DocumentFile.read("notes.txt", TestDocuments.text("notes"), LIMIT),
                "media.document.notAccepted");
        assertThat((String) e.arguments()[0]).startsWith("PDF (.pdf), OpenDocument Text (.odt)").contains("Word (.docx)");
        assertRefused(() -> DocumentFile.read("archive.zip", TestDocuments.plainZip(), LIMIT), "media.document.notAccepted");
        assertRefused(() -> DocumentFile.read("logo.svg", TestDocuments.text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), LIMIT),
                "media.document.notAccepted");
    }

    @Test
    void zipThatIsNoOfficePackageIsNotADocumentWhateverItsName() {
        assertRefused(() -> DocumentFile.read("rapport.docx", TestDocuments.plainZip(), LIMIT), "media.document.notWhatItsNameSays");
    }

    @Test
    void macroEnabledWordPackageIsRefusedEvenNamedDocx() {
        assertRefused(() -> DocumentFile.read("rapport.docx", TestDocuments.docm(), LIMIT), "media.document.notWhatItsNameSays");
        assertRefused(() -> DocumentFile.read("rapport.docm", TestDocuments.docm(), LIMIT), "media.document.notAccepted");
    }

    @Test
    void officeFilesCarryingMacrosAreRefusedWhateverTheyDeclare() {
        assertRefused(() -> DocumentFile.read("ancien.doc", TestDocuments.docWithMacros(), LIMIT), "media.document.macros");
        assertRefused(() -> DocumentFile.read("budget.xls", TestDocuments.xlsWithMacros(), LIMIT), "media.document.macros");
        assertRefused(() -> DocumentFile.read("rapport.docx", TestDocuments.docxWithVbaProject(), LIMIT),
                "media.document.macros");
        assertRefused(() -> DocumentFile.read("compte-rendu.odt", TestDocuments.odtWithBasic(), LIMIT),
                "media.document.macros");
        assertThat(DocumentFile.read("budget.xls", TestDocuments.xls(), LIMIT).format()).isEqualTo(DocumentFormat.XLS);
    }

    @Test
    void ole2FileOfNoAcceptedKindIsRefused() {
        assertRefused(() -> DocumentFile.read("message.doc", TestDocuments.otherOle2(), LIMIT), "media.document.notWhatItsNameSays");
    }

    @Test
    void truncatedOfficeFilesAreRefused() {
        assertRefused(() -> DocumentFile.read("budget.xlsx", TestDocuments.truncated(TestDocuments.xlsx()), LIMIT),
                "media.document.notWhatItsNameSays");
        assertRefused(() -> DocumentFile.read("lettre.odt", TestDocuments.truncated(TestDocuments.odt()), LIMIT),
                "media.document.notWhatItsNameSays");
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(() -> DocumentFile.read("a.pdf", new byte[0], LIMIT), "media.document.empty");
        assertRefused(() -> DocumentFile.read("a.pdf", null, LIMIT), "media.document.empty");
    }

    @Test
    void fileOverTheLimitIsRefusedWithTheLimitInMegabytes() {
        InvalidInputException e = assertRefused(
                () -> DocumentFile.read("gros.pdf", TestDocuments.pdfOfSize(LIMIT * 1024 * 1024 + 1), LIMIT),
                "media.document.tooLarge");
        assertThat(e.arguments()).containsExactly(10);
    }

    @Test
    void fileOfExactlyTheLimitIsAccepted() {
        assertThat(DocumentFile.read("gros.pdf", TestDocuments.pdfOfSize(LIMIT * 1024 * 1024), LIMIT).size())
                .isEqualTo(10 * 1024 * 1024);
    }

    @Test
    void limitComesFromTheCaller() {
        assertRefused(() -> DocumentFile.read("a.pdf", TestDocuments.pdfOfSize(1024 * 1024 + 1), 1), "media.document.tooLarge");
        assertThat(DocumentFile.read("a.pdf", TestDocuments.pdfOfSize(1024 * 1024 + 1), 2).size()).isEqualTo(1024 * 1024 + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compte-rendu", "compte-rendu.", ""})
    void nameWithoutExtensionGetsTheOneOfItsContent(String name) {
        String expected = name.isEmpty() ? "document.pdf" : "compte-rendu.pdf";
        assertThat(DocumentFile.read(name, TestDocuments.pdf(), LIMIT).fileName()).isEqualTo(expected);
    }

    @Test
    void nameIsReducedToWhatIsSafeInADownload() {
        assertThat(DocumentFile.read("C:\\Users\\anne\\Documents\\CR 3 mars.PDF", TestDocuments.pdf(), LIMIT).fileName())
                .isEqualTo("CR 3 mars.PDF");
        assertThat(DocumentFile.read("../../etc/passwd.pdf", TestDocuments.pdf(), LIMIT).fileName()).isEqualTo("passwd.pdf");
        assertThat(DocumentFile.read("a\"b\r\nSet-Cookie: x\t.pdf", TestDocuments.pdf(), LIMIT).fileName())
                .isEqualTo("abSet-Cookie x.pdf");
        assertThat(DocumentFile.read(null, TestDocuments.pdf(), LIMIT).fileName()).isEqualTo("document.pdf");
        String longName = "x".repeat(400) + ".pdf";
        assertThat(DocumentFile.read(longName, TestDocuments.pdf(), LIMIT).fileName())
                .hasSize(DocumentFile.MAX_NAME_LENGTH).endsWith("xx.pdf");
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] pdf = TestDocuments.pdf();
        DocumentFile file = DocumentFile.read("a.pdf", pdf, LIMIT);
        pdf[20] ^= 0x7F;
        file.bytes()[21] ^= 0x7F;

        assertThat(file.bytes()).isEqualTo(TestDocuments.pdf());
    }

    private static InvalidInputException assertRefused(ThrowingCallable read, String key) {
        InvalidInputException[] refusal = new InvalidInputException[1];
        assertThatThrownBy(read).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).contains(DocumentFile.FIELD);
            refusal[0] = e;
        });
        return refusal[0];
    }
}
