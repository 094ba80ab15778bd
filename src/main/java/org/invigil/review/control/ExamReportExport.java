package org.invigil.review.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link ExamReport} as a file: CSV (RFC 4180, UTF-8, CRLF; a text cell that a spreadsheet would take for a
 * formula is prefixed with an apostrophe) or PDF (the table and the three chart series as bars).
 */
public final class ExamReportExport {

    /** The two file formats. */
    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8; header=present"), PDF("pdf", "application/pdf");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** A file ready to send. */
    public record File(String name, String mediaType, byte[] content) {
    }

    static final List<String> COLUMNS = List.of("Student", "Step", "Identity", "Consent", "Integrity score",
            "Review state", "Decision", "Incidents", "Minutes monitored");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Color ACCENT = new Color(0x2f, 0x5d, 0xa8);
    private static final Color HEADER = new Color(0xe9, 0xed, 0xf4);

    private ExamReportExport() {
    }

    public static File export(ExamReport report, List<ExamReport.Row> rows, Format format, Instant at) {
        byte[] content = format == Format.CSV ? csv(report, rows).getBytes(StandardCharsets.UTF_8) : pdf(report, rows, at);
        return new File(fileName(report.examTitle(), report.examId(), format), format.mediaType(), content);
    }

    /** {@code invigil-<exam>-report.<csv|pdf>}, the exam's title reduced to letters, digits and dashes. */
    public static String fileName(String examTitle, String examId, Format format) {
        String slug = slug(examTitle);
        if (slug.isEmpty()) {
            slug = slug(examId);
        }
        return "invigil-" + (slug.isEmpty() ? "exam" : slug) + "-report." + format.extension();
    }

    // ---------------------------------------------------------------- CSV

    /** The rows as CSV: the fixed columns, then one column per rule with the number of its incidents. */
    public static String csv(ExamReport report, List<ExamReport.Row> rows) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        report.rules().forEach(rule -> header.add("Incidents: " + rule));
        line(csv, header.stream().map(ExamReportExport::cell).toList());
        for (ExamReport.Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(cell(row.student()), cell(row.state()), cell(row.identity()),
                    cell(row.consent()), row.score() == null ? "" : Integer.toString(row.score()),
                    cell(row.reviewState()), cell(row.decision()), Integer.toString(row.incidents()),
                    Long.toString(row.minutesMonitored())));
            report.rules().forEach(rule -> cells.add(Integer.toString(row.incidentsOf(rule))));
            line(csv, cells);
        }
        return csv.toString();
    }

    /**
     * One text cell: defused when a spreadsheet would run it as a formula (it starts with {@code = + - @}, a tab or
     * a carriage return: an apostrophe goes first), then quoted as RFC 4180 asks when it holds a comma, a quote or a
     * line break (quotes doubled).
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells)).append("\r\n");
    }

    // ---------------------------------------------------------------- PDF

    /** The report as an A4 landscape PDF: title, the rows as a table, then the chart series as bars. */
    public static byte[] pdf(ExamReport report, List<ExamReport.Row> rows, Instant at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Integrity report: " + report.examTitle());
            document.addCreator("Invigil");
            document.open();
            document.add(new Paragraph("Integrity report: " + report.examTitle(),
                    new Font(Font.HELVETICA, 16, Font.BOLD, ACCENT)));
            document.add(new Paragraph(rows.size() + " of " + report.rows().size() + " attempts, " + STAMP.format(at),
                    small()));
            document.add(table(report, rows));
            document.add(bars("Incidents by rule", report.incidentsByRule()));
            document.add(bars("Integrity scores", report.scoreDistribution()));
            document.add(bars("Incidents over exam time (minutes since the attempt's start, "
                    + report.minutesPerSlot() + "-minute slots)", report.incidentsOverTime()));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report could not be written as PDF", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(ExamReport report, List<ExamReport.Row> rows) throws DocumentException {
        PdfPTable table = new PdfPTable(COLUMNS.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setWidths(new float[] {3.2f, 1.4f, 1.6f, 1.2f, 1f, 1.6f, 1.3f, 3.2f, 1f});
        table.setHeaderRows(1);
        COLUMNS.forEach(column -> {
            PdfPCell cell = new PdfPCell(new Phrase(column, new Font(Font.HELVETICA, 9, Font.BOLD)));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        });
        for (ExamReport.Row row : rows) {
            for (String value : List.of(row.student(), row.state(), row.identity(), row.consent(),
                    row.score() == null ? "" : Integer.toString(row.score()), row.reviewState(), row.decision(),
                    row.incidents() == 0 ? "0" : row.incidents() + " (" + row.incidentSummary() + ")",
                    Long.toString(row.minutesMonitored()))) {
                table.addCell(new Phrase(value, small()));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("No attempt matches.", small()));
            none.setColspan(COLUMNS.size());
            table.addCell(none);
        }
        return table;
    }

    private static PdfPTable bars(String title, List<ExamReport.Count> counts) throws DocumentException {
        int max = counts.stream().mapToInt(ExamReport.Count::count).max().orElse(0);
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setWidths(new float[] {2.5f, 0.6f, 7f});
        table.setSpacingBefore(14);
        table.setKeepTogether(true);
        PdfPCell heading = new PdfPCell(new Phrase(title, new Font(Font.HELVETICA, 11, Font.BOLD)));
        heading.setColspan(3);
        heading.setBorder(PdfPCell.NO_BORDER);
        table.addCell(heading);
        if (counts.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("None.", small()));
            none.setColspan(3);
            none.setBorder(PdfPCell.NO_BORDER);
            table.addCell(none);
        }
        for (ExamReport.Count count : counts) {
            table.addCell(plain(count.label()));
            table.addCell(plain(Integer.toString(count.count())));
            PdfPTable bar = new PdfPTable(2);
            bar.setWidthPercentage(100);
            float share = max == 0 ? 0 : (float) count.count() / max;
            bar.setWidths(new float[] {Math.max(share, 0.001f), Math.max(1 - share, 0.001f)});
            PdfPCell filled = new PdfPCell(new Phrase(new Chunk(" ", small())));
            filled.setBorder(PdfPCell.NO_BORDER);
            filled.setBackgroundColor(count.count() == 0 ? Color.WHITE : ACCENT);
            PdfPCell rest = new PdfPCell(new Phrase(new Chunk(" ", small())));
            rest.setBorder(PdfPCell.NO_BORDER);
            bar.addCell(filled);
            bar.addCell(rest);
            PdfPCell holder = new PdfPCell(bar);
            holder.setBorder(PdfPCell.NO_BORDER);
            holder.setPadding(2);
            table.addCell(holder);
        }
        return table;
    }

    private static PdfPCell plain(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, small()));
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private static Font small() {
        return new Font(Font.HELVETICA, 9);
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        String slug = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
