package org.invigil.review.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamReportExportTest {

    @Test
    void quotesCellsAsRfc4180Asks() {
        assertEquals("plain", ExamReportExport.cell("plain"));
        assertEquals("\"Smith, Ann\"", ExamReportExport.cell("Smith, Ann"));
        assertEquals("\"say \"\"hi\"\"\"", ExamReportExport.cell("say \"hi\""));
        assertEquals("\"two\r\nlines\"", ExamReportExport.cell("two\r\nlines"));
        assertEquals("\"one\nline\"", ExamReportExport.cell("one\nline"));
        assertEquals("", ExamReportExport.cell(""));
        assertEquals("", ExamReportExport.cell(null));
    }

    @Test
    void defusesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
                ExamReportExport.cell("=HYPERLINK(\"http://evil\",\"x\")"));
        assertEquals("'+1", ExamReportExport.cell("+1"));
        assertEquals("'-2+3", ExamReportExport.cell("-2+3"));
        assertEquals("'@SUM(A1)", ExamReportExport.cell("@SUM(A1)"));
        assertEquals("'\tx", ExamReportExport.cell("\tx"));
        assertEquals("\"'\rx\"", ExamReportExport.cell("\rx"));
        assertEquals("a=b", ExamReportExport.cell("a=b"), "only a leading sign is dangerous");
    }

    @Test
    void writesOneCsvLinePerRowWithAColumnPerRule() {
        ExamReport report = ExamReport.of("exam-1", "Logic exam", List.of(
                ExamReportTest.attempt("=cmd|' /C calc'!A0", 55, "needs-review", null, Duration.ofMinutes(12),
                        ExamReportTest.at("several-faces", 0), ExamReportTest.at("tab-hidden", 1)),
                ExamReportTest.attempt("Ann, Able", 100, "no-review-needed", "cleared", Duration.ofMinutes(10))),
                ExamReportTest.T0);
        String csv = ExamReportExport.csv(report, report.rows());
        assertEquals(List.of(
                "Student,Step,Identity,Consent,Integrity score,Review state,Decision,Incidents,Minutes monitored,"
                        + "Incidents: several-faces,Incidents: tab-hidden",
                "'=cmd|' /C calc'!A0,ended,not-required,given,55,needs-review,,2,12,1,1",
                "\"Ann, Able\",ended,not-required,given,100,no-review-needed,cleared,0,10,0,0"),
                List.of(csv.split("\r\n")));
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void namesTheFileAfterTheExam() {
        assertEquals("invigil-logic-exam-1-report.csv",
                ExamReportExport.fileName("Logic exam #1", "id", ExamReportExport.Format.CSV));
        assertEquals("invigil-economie-report.pdf",
                ExamReportExport.fileName("Économie", "id", ExamReportExport.Format.PDF));
        assertEquals("invigil-5f3a-report.pdf", ExamReportExport.fileName("???", "5f3a", ExamReportExport.Format.PDF));
    }

    @Test
    void writesAPdfWithTheStudentsAndTheCharts() throws Exception {
        ExamReport report = ExamReportTest.sample();
        ExamReportExport.File file = ExamReportExport.export(report, report.rows(), ExamReportExport.Format.PDF,
                Instant.parse("2026-03-02T10:00:00Z"));
        assertEquals("invigil-logic-exam-report.pdf", file.name());
        assertEquals("application/pdf", file.mediaType());
        assertEquals("%PDF", new String(file.content(), 0, 4, StandardCharsets.US_ASCII));
        String text = text(file.content());
        for (String expected : List.of("Integrity report: Logic exam", "4 of 4 attempts", "Zoe Zed", "Ann Able",
                "several-faces 2, tab-hidden 1", "Incidents by rule", "Integrity scores", "90–100",
                "Incidents over exam time")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
