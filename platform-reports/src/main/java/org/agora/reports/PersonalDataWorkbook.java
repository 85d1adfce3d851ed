package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import org.agora.privacy.PersonalData;
import org.agora.privacy.PersonalData.Section;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A person's data ("my data") as a workbook: a first sheet saying whose data it is and when it was made, then one
 * sheet per kind of record, its title in the person's language, its columns as in the JSON copy, headers frozen
 * and filterable. Every value is written as text, as it is stored: nothing is a formula.
 */
public final class PersonalDataWorkbook {

    /**
     * The texts of the workbook in the reader's language.
     *
     * @param about the first sheet's name
     * @param person the label before the username
     * @param madeAt the label before the time it was made
     * @param sectionTitle a section's title from its key
     */
    public record Texts(String about, String person, String madeAt, UnaryOperator<String> sectionTitle) {
    }

    private PersonalDataWorkbook() {
    }

    public static void write(PersonalData data, Texts texts, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);

            SXSSFSheet about = workbook.createSheet(WorkbookUtil.createSafeSheetName(texts.about()));
            Row person = about.createRow(0);
            person.createCell(0).setCellValue(texts.person());
            person.getCell(0).setCellStyle(header);
            person.createCell(1).setCellValue(data.person());
            Row made = about.createRow(1);
            made.createCell(0).setCellValue(texts.madeAt());
            made.getCell(0).setCellStyle(header);
            made.createCell(1).setCellValue(data.madeAt().toString());
            about.setColumnWidth(0, 30 * 256);
            about.setColumnWidth(1, 40 * 256);

            int index = 1;
            for (Section section : data.sections()) {
                // sheet names: at most 31 characters and unique, so the position comes first
                String name = WorkbookUtil.createSafeSheetName(index++ + " " + texts.sectionTitle().apply(section.key()));
                SXSSFSheet sheet = workbook.createSheet(name);
                Row top = sheet.createRow(0);
                List<String> columns = section.columns();
                for (int c = 0; c < columns.size(); c++) {
                    top.createCell(c).setCellValue(columns.get(c));
                    top.getCell(c).setCellStyle(header);
                    sheet.setColumnWidth(c, 24 * 256);
                }
                int r = 1;
                for (List<String> values : section.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        if (values.get(c) != null) {
                            row.createCell(c).setCellValue(values.get(c));
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, columns.size() - 1));
            }
            workbook.write(out);
        }
    }
}
