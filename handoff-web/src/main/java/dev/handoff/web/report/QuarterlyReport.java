package dev.handoff.web.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import dev.handoff.metrics.control.Overview;
import dev.handoff.metrics.control.Summary;
import dev.handoff.web.faces.supervisor.DashboardBacking;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The quarterly review as a PDF (OpenPDF, ADR 0025): the quarter's headline measures against the
 * previous quarter, weekly charts drawn as vector graphics, the top escalation topics, SLA compliance
 * and trigger precision with the suggested changes. Pure: the figures come in as an {@link Overview}
 * whose previous period is the previous quarter, so tests read the text back out of the bytes.
 */
public final class QuarterlyReport {

    /** What the report is about and the targets it compares with. */
    public record Spec(Quarter quarter, LocalDate lastDay, String team, double handoffLow, double handoffHigh, double trainingShare,
                       long ttaTargetSeconds, Instant generatedAt) {}

    static final int TOP_TOPICS = 8;
    private static final Color INDIGO = new Color(0x4f, 0x46, 0xe5);
    private static final Color GREEN_BAND = new Color(0xdc, 0xfc, 0xe7);
    private static final Color GREEN = new Color(0x16, 0xa3, 0x4a);
    private static final Color RED = new Color(0xdc, 0x26, 0x26);
    private static final Color SLATE = new Color(0x94, 0xa3, 0xb8);
    private static final Color GRID = new Color(0xe2, 0xe8, 0xf0);
    private static final Color HEAD = new Color(0xf1, 0xf5, 0xf9);
    private static final Set<String> SLA_KEYS = Set.of("sla", "sla-first", "sla-update", "sla-resolution");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Font title = new Font(Font.HELVETICA, 20, Font.BOLD, new Color(0x0f, 0x17, 0x2a));
    private final Font h2 = new Font(Font.HELVETICA, 13, Font.BOLD, new Color(0x0f, 0x17, 0x2a));
    private final Font body = new Font(Font.HELVETICA, 9);
    private final Font bold = new Font(Font.HELVETICA, 9, Font.BOLD);
    private final Font muted = new Font(Font.HELVETICA, 8, Font.NORMAL, new Color(0x64, 0x74, 0x8b));
    private final BaseFont chartFont;

    public QuarterlyReport() {
        try {
            chartFont = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Helvetica is one of the PDF standard fonts", e);
        }
    }

    /** The report's file name: {@code handoff-review-2026-Q3-emea.pdf}. */
    public static String fileName(Quarter quarter, String team) {
        String t = team == null ? "all-teams" : team.replaceAll("[^A-Za-z0-9_-]", "_");
        return "handoff-review-" + quarter + "-" + t + ".pdf";
    }

    public byte[] render(Spec spec, Overview o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Handoff quarterly review " + spec.quarter() + " – " + teamName(spec.team()));
            doc.addCreator("Handoff");
            doc.open();
            header(doc, spec, o);
            headline(doc, o);
            charts(doc, writer, spec, o);
            topics(doc, writer.getDirectContent(), spec, o);
            sla(doc, spec, o);
            precision(doc, o);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the quarterly report: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static String teamName(String team) {
        return team == null ? "All teams" : "Team " + team;
    }

    private void header(Document doc, Spec spec, Overview o) throws DocumentException {
        doc.add(new Paragraph("Handoff quarterly review " + spec.quarter(), title));
        Quarter before = spec.quarter().previous();
        boolean toDate = spec.lastDay().isBefore(spec.quarter().last());
        doc.add(new Paragraph(teamName(spec.team()), h2));
        doc.add(new Paragraph("Period: conversations started " + o.filter().from() + " to " + o.filter().to() + " (UTC days"
                + (toDate ? ", the quarter to date" : "") + "), compared with " + before + ": " + before.first() + " to " + before.last() + ".", body));
        if (spec.team() != null) {
            doc.add(new Paragraph("A conversation belongs to the team of the agent who first accepted it. The handoff rate divides the "
                    + "team's escalations by every conversation started; customers who left the queue belong to no team.", muted));
        }
        doc.add(new Paragraph("Generated " + STAMP.format(spec.generatedAt()) + " from the KPI roll-ups.", muted));
    }

    private void headline(Document doc, Overview o) throws DocumentException {
        section(doc, "Headline measures against the previous quarter");
        PdfPTable t = table(new float[] {4.2f, 1.6f, 1.6f, 1.4f}, "Measure", "This quarter", "Previous quarter", "Change");
        for (DashboardBacking.MeasureRow r : DashboardBacking.measureRows(o)) {
            row(t, r.measure(), r.current(), r.previous(), r.change());
        }
        doc.add(t);
    }

    private void charts(Document doc, PdfWriter writer, Spec spec, Overview o) throws DocumentException {
        List<Week> weeks = weeks(o.days());
        doc.add(figure("Handoff rate by week (target " + DashboardBacking.percent(spec.handoffLow()) + " – "
                + DashboardBacking.percent(spec.handoffHigh()) + ", shaded)",
                lineChart(writer.getDirectContent(), weeks, spec.handoffLow(), spec.handoffHigh())));
        doc.add(figure("Time to agent by week, mean (line: target " + spec.ttaTargetSeconds() + " s; red: over it)",
                barChart(writer.getDirectContent(), weeks, spec.ttaTargetSeconds())));
    }

    private void topics(Document doc, PdfContentByte cb, Spec spec, Overview o) throws DocumentException {
        String heading = "Top escalation topics (first trigger); over " + DashboardBacking.percent(spec.trainingShare())
                + " of escalations is a bot-training opportunity (red)";
        List<Overview.Topic> top = o.topics().subList(0, Math.min(TOP_TOPICS, o.topics().size()));
        if (top.isEmpty()) {
            section(doc, heading);
            doc.add(new Paragraph("No escalations in this quarter.", body));
            return;
        }
        doc.add(figure(heading, topicChart(cb, top)));
        PdfPTable t = table(new float[] {3.2f, 1.2f, 1f, 1.3f, 1f, 1.1f, 1.3f}, "Topic", "Escalations", "Share", "Previous share", "Trend",
                "CSAT handed-off", "Time to agent");
        for (Overview.Topic topic : top) {
            row(t, topic.trigger() + (topic.training() ? " (bot-training opportunity)" : ""), String.valueOf(topic.escalations()),
                    DashboardBacking.percent(topic.share()), DashboardBacking.percent(topic.previousShare()), pp(topic.trend()),
                    DashboardBacking.two(topic.csatHuman()), DashboardBacking.seconds(topic.ttaMean()));
        }
        doc.add(t);
    }

    private void sla(Document doc, Spec spec, Overview o) throws DocumentException {
        section(doc, "SLA compliance");
        doc.add(new Paragraph("Accepted within " + spec.ttaTargetSeconds() + " s of the escalation, and the first-response, "
                + "update-cadence and resolution targets (handoff.sla.*) met, as shares of the accepted conversations.", muted));
        PdfPTable t = table(new float[] {4.2f, 1.6f, 1.6f, 1.4f}, "Service level", "This quarter", "Previous quarter", "Change");
        for (DashboardBacking.MeasureRow r : DashboardBacking.measureRows(o)) {
            if (SLA_KEYS.contains(r.key())) {
                row(t, r.measure(), r.current(), r.previous(), r.change());
            }
        }
        doc.add(t);
    }

    private void precision(Document doc, Overview o) throws DocumentException {
        section(doc, "Trigger review: precision and suggested changes");
        if (o.precision().isEmpty()) {
            doc.add(new Paragraph("No trigger fired in this quarter.", body));
            return;
        }
        PdfPTable t = table(new float[] {2.4f, 0.9f, 0.9f, 1.1f, 1.1f, 3.6f}, "Trigger", "Fired", "Flagged", "Precision", "Previous",
                "Suggested change");
        for (Overview.TriggerPrecisionRow r : o.precision()) {
            row(t, true, r.trigger(), String.valueOf(r.fired()), String.valueOf(r.flagged()), DashboardBacking.percent(r.precision()),
                    DashboardBacking.percent(r.previousPrecision()), r.suggestion());
        }
        doc.add(t);
    }

    // ---- charts, drawn as vector graphics in templates

    /** Seven days each from the quarter's first day (the last may be shorter): sums, then ratios. */
    record Week(LocalDate first, long started, long escalated, long accepted, double ttaSum) {
        Double rate() {
            return started == 0 ? null : (double) escalated / started;
        }

        Double ttaMean() {
            return accepted == 0 ? null : ttaSum / accepted;
        }
    }

    static List<Week> weeks(List<Overview.Day> days) {
        List<Week> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i += 7) {
            long started = 0;
            long escalated = 0;
            long accepted = 0;
            double tta = 0;
            for (Overview.Day d : days.subList(i, Math.min(days.size(), i + 7))) {
                Summary s = d.summary();
                started += s.started();
                escalated += s.escalated();
                accepted += s.accepted();
                tta += s.ttaMean() == null ? 0 : s.ttaMean() * s.accepted();
            }
            out.add(new Week(days.get(i).day(), started, escalated, accepted, tta));
        }
        return out;
    }

    private static final float W = 510;
    private static final float H = 150;
    private static final float LEFT = 36;
    private static final float BOTTOM = 22;

    private PdfTemplate lineChart(PdfContentByte cb, List<Week> weeks, double low, double high) {
        PdfTemplate t = cb.createTemplate(W, H);
        double max = Math.max(high * 1.25, weeks.stream().map(Week::rate).filter(r -> r != null).mapToDouble(Double::doubleValue).max().orElse(0) * 1.1);
        max = 4 * tick(max, 0.02, 0.05, 0.1, 0.25);
        axes(t, max, v -> DashboardBacking.percent(v).replace(".0 %", " %"));
        float plotW = W - LEFT - 8;
        float plotH = H - BOTTOM - 8;
        t.setColorFill(GREEN_BAND);
        t.rectangle(LEFT, BOTTOM + (float) (low / max) * plotH, plotW, (float) ((high - low) / max) * plotH);
        t.fill();
        t.setColorStroke(INDIGO);
        t.setLineWidth(1.6f);
        boolean started = false;
        for (int i = 0; i < weeks.size(); i++) {
            Double r = weeks.get(i).rate();
            if (r == null) {
                continue;
            }
            float x = x(i, weeks.size(), plotW);
            float y = BOTTOM + (float) (r / max) * plotH;
            if (started) {
                t.lineTo(x, y);
            } else {
                t.moveTo(x, y);
                started = true;
            }
        }
        if (started) {
            t.stroke();
        }
        t.setColorFill(INDIGO);
        for (int i = 0; i < weeks.size(); i++) {
            Double r = weeks.get(i).rate();
            if (r != null) {
                t.circle(x(i, weeks.size(), plotW), BOTTOM + (float) (r / max) * plotH, 2.2f);
                t.fill();
            }
        }
        weekLabels(t, weeks, plotW);
        return t;
    }

    private PdfTemplate barChart(PdfContentByte cb, List<Week> weeks, long target) {
        PdfTemplate t = cb.createTemplate(W, H);
        double max = Math.max(target * 1.25, weeks.stream().map(Week::ttaMean).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0) * 1.1);
        max = 4 * tick(max, 10, 15, 30, 60, 120, 300, 900);
        axes(t, max, v -> String.format(Locale.ROOT, "%.0f s", v));
        float plotW = W - LEFT - 8;
        float plotH = H - BOTTOM - 8;
        float slot = plotW / Math.max(1, weeks.size());
        for (int i = 0; i < weeks.size(); i++) {
            Double v = weeks.get(i).ttaMean();
            if (v == null) {
                continue;
            }
            t.setColorFill(v > target ? RED : INDIGO);
            t.rectangle(LEFT + i * slot + slot * 0.2f, BOTTOM, slot * 0.6f, (float) (v / max) * plotH);
            t.fill();
        }
        t.setColorStroke(GREEN);
        t.setLineWidth(1f);
        float y = BOTTOM + (float) (target / max) * plotH;
        t.moveTo(LEFT, y);
        t.lineTo(LEFT + plotW, y);
        t.stroke();
        weekLabels(t, weeks, plotW);
        return t;
    }

    private PdfTemplate topicChart(PdfContentByte cb, List<Overview.Topic> top) {
        float rowH = 14;
        float h = rowH * top.size() + 6;
        PdfTemplate t = cb.createTemplate(W, h);
        float labelW = 150;
        float barMax = W - labelW - 60;
        double max = top.stream().map(Overview.Topic::share).filter(s -> s != null).mapToDouble(Double::doubleValue).max().orElse(1);
        for (int i = 0; i < top.size(); i++) {
            Overview.Topic topic = top.get(i);
            float y = h - (i + 1) * rowH;
            text(t, topic.trigger(), labelW - 6, y + 4, Element.ALIGN_RIGHT, 8, Color.DARK_GRAY);
            double share = topic.share() == null ? 0 : topic.share();
            t.setColorFill(topic.training() ? RED : INDIGO);
            t.rectangle(labelW, y + 2, (float) (share / max) * barMax, rowH - 4);
            t.fill();
            text(t, DashboardBacking.percent(share), labelW + (float) (share / max) * barMax + 4, y + 4, Element.ALIGN_LEFT, 8, Color.DARK_GRAY);
        }
        return t;
    }

    private void axes(PdfTemplate t, double max, java.util.function.DoubleFunction<String> label) {
        float plotW = W - LEFT - 8;
        float plotH = H - BOTTOM - 8;
        t.setLineWidth(0.5f);
        for (int i = 0; i <= 4; i++) {
            float y = BOTTOM + plotH * i / 4;
            t.setColorStroke(i == 0 ? SLATE : GRID);
            t.moveTo(LEFT, y);
            t.lineTo(LEFT + plotW, y);
            t.stroke();
            text(t, label.apply(max * i / 4), LEFT - 4, y - 3, Element.ALIGN_RIGHT, 7, Color.GRAY);
        }
    }

    private void weekLabels(PdfTemplate t, List<Week> weeks, float plotW) {
        DateTimeFormatter md = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
        for (int i = 0; i < weeks.size(); i++) {
            if (weeks.size() <= 14 || i % 2 == 0) {
                text(t, md.format(weeks.get(i).first()), x(i, weeks.size(), plotW), BOTTOM - 12, Element.ALIGN_CENTER, 7, Color.GRAY);
            }
        }
    }

    /** The smallest of the round steps whose four gridlines reach {@code max} (the largest otherwise). */
    static double tick(double max, double... steps) {
        for (double step : steps) {
            if (4 * step >= max) {
                return step;
            }
        }
        return steps[steps.length - 1] * Math.ceil(max / (4 * steps[steps.length - 1]));
    }

    private static float x(int i, int n, float plotW) {
        float slot = plotW / Math.max(1, n);
        return LEFT + slot * i + slot / 2;
    }

    private void text(PdfTemplate t, String s, float x, float y, int align, float size, Color color) {
        t.beginText();
        t.setFontAndSize(chartFont, size);
        t.setColorFill(color);
        t.showTextAligned(align, s, x, y, 0);
        t.endText();
    }

    /** A heading and its chart kept on one page. */
    private PdfPTable figure(String heading, PdfTemplate chart) throws BadElementException {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setKeepTogether(true);
        box.setSpacingBefore(12);
        PdfPCell head = new PdfPCell(new Phrase(heading, h2));
        head.setBorder(PdfPCell.NO_BORDER);
        head.setPaddingBottom(6);
        box.addCell(head);
        PdfPCell image = new PdfPCell(Image.getInstance(chart), false);
        image.setBorder(PdfPCell.NO_BORDER);
        image.setHorizontalAlignment(Element.ALIGN_CENTER);
        box.addCell(image);
        return box;
    }

    // ---- tables

    private void section(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, h2);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private PdfPTable table(float[] widths, String... headers) throws DocumentException {
        PdfPTable t = new PdfPTable(widths.length);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, bold));
            c.setBackgroundColor(HEAD);
            c.setPadding(3);
            c.setBorderColor(GRID);
            t.addCell(c);
        }
        return t;
    }

    private void row(PdfPTable t, String... values) {
        row(t, false, values);
    }

    /** Numbers right-aligned: every column but the first (and the last, when it is text). */
    private void row(PdfPTable t, boolean lastIsText, String... values) {
        for (int i = 0; i < values.length; i++) {
            PdfPCell c = new PdfPCell(new Phrase(values[i] == null ? "" : values[i], body));
            c.setPadding(3);
            c.setBorderColor(GRID);
            if (i > 0 && !(lastIsText && i == values.length - 1)) {
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            t.addCell(c);
        }
    }

    private static String pp(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f pt", 100 * v);
    }
}
