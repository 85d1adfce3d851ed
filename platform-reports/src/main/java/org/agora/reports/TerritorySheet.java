package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The territory as a spreadsheet (the reference figures every participation KPI is divided by): one row per
 * district with its population and number of neighbourhoods, a total row, frozen and filterable headers.
 * Written with POI's streaming workbook, so memory stays bounded whatever the number of rows.
 */
public final class TerritorySheet {

    /** One district's line; headers and the sheet name come translated from the caller. */
    public record DistrictLine(String code, String name, int population, int neighbourhoods) {
    }

    public record Headings(String sheetName, String code, String name, String population, String neighbourhoods,
                           String total) {
    }

    private TerritorySheet() {
    }

    public static void write(List<DistrictLine> lines, Headings headings, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet(headings.sheetName());
            CellStyle header = headerStyle(workbook);
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));

            Row top = sheet.createRow(0);
            String[] titles = {headings.code(), headings.name(), headings.population(), headings.neighbourhoods()};
            for (int i = 0; i < titles.length; i++) {
                top.createCell(i).setCellValue(titles[i]);
                top.getCell(i).setCellStyle(header);
            }
            int rowIndex = 1;
            for (DistrictLine line : lines) {
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(line.code());
                row.createCell(1).setCellValue(line.name());
                row.createCell(2).setCellValue(line.population());
                row.getCell(2).setCellStyle(number);
                row.createCell(3).setCellValue(line.neighbourhoods());
            }
            Row total = sheet.createRow(rowIndex);
            total.createCell(1).setCellValue(headings.total());
            total.createCell(2).setCellFormula(lines.isEmpty() ? "0" : "SUM(C2:C" + rowIndex + ")");
            total.getCell(2).setCellStyle(number);
            total.createCell(3).setCellFormula(lines.isEmpty() ? "0" : "SUM(D2:D" + rowIndex + ")");

            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowIndex - 1, 0), 0, titles.length - 1));
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 14 * 256);
            sheet.setColumnWidth(3, 18 * 256);
            workbook.write(out);
        }
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }
}
