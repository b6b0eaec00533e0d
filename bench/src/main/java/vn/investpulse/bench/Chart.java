package vn.investpulse.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The run as one PNG, drawn with plain {@code java.awt} (headless): the throughputs as horizontal bars on a log scale
 * (Kafka's own consumer and a trivial Streams app next to the processor's replay and the import differ by orders of
 * magnitude), and the live latency percentiles against the 500 ms target.
 */
final class Chart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 640;
    static final double LATENCY_TARGET_MS = 500;

    static final Color BACKGROUND = Color.WHITE;
    static final Color LIMIT = new Color(0x4C, 0x72, 0xB0);
    static final Color PIPELINE = new Color(0xDD, 0x84, 0x52);
    static final Color OTHER = new Color(0x55, 0xA8, 0x68);
    static final Color TARGET = new Color(0xC4, 0x1E, 0x3A);
    static final Color MET = new Color(0x55, 0xA8, 0x68);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    /** The throughput bars, in this order, and their colour: the limit (blue), the pipeline (orange), the import (green). */
    private static final Map<String, Color> THROUGHPUTS = Map.of(
            Results.CONSUMER_PERFORMANCE, LIMIT, Results.PLAIN_CONSUMER, LIMIT, Results.TRIVIAL_STREAMS, LIMIT,
            Results.FLOOR, LIMIT, Results.REPLAY, PIPELINE, Results.IMPORT, OTHER);
    private static final List<String> THROUGHPUT_ORDER = List.of(Results.CONSUMER_PERFORMANCE, Results.PLAIN_CONSUMER,
            Results.TRIVIAL_STREAMS, Results.FLOOR, Results.REPLAY, Results.IMPORT);
    private static final List<String> LATENCY_ORDER = List.of(Results.LATENCY_P50, Results.LATENCY_P95, Results.LATENCY_P99,
            Results.LATENCY_MAX);

    private static final int MARGIN = 24;
    private static final int LABEL_WIDTH = 330;
    private static final int PLOT_LEFT = MARGIN + LABEL_WIDTH;
    private static final int PLOT_RIGHT = WIDTH - 110;
    private static final int THROUGHPUT_TOP = 92;
    private static final int THROUGHPUT_BOTTOM = 380;
    private static final int LATENCY_TOP = 450;
    private static final int LATENCY_BOTTOM = HEIGHT - 40;

    private Chart() {
    }

    /** A one-line description of the run for under the title: cores, replay size, start. */
    static String subtitle(List<String> machine, List<String> run) {
        List<String> parts = new ArrayList<>();
        machine.stream().filter(m -> m.startsWith("cores")).findFirst().ifPresent(parts::add);
        machine.stream().filter(m -> m.startsWith("cpu")).findFirst().ifPresent(parts::add);
        run.stream().filter(m -> m.startsWith("replay")).findFirst().ifPresent(parts::add);
        run.stream().filter(m -> m.startsWith("started")).findFirst().ifPresent(parts::add);
        return String.join("  ·  ", parts);
    }

    static BufferedImage render(List<Results.Row> rows, String subtitle) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString("invest-pulse benchmark", MARGIN, 32);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(fit(g, subtitle, WIDTH - 2 * MARGIN), MARGIN, 52);
            throughputs(g, pick(rows, THROUGHPUT_ORDER).stream().filter(r -> Double.isFinite(r.value)).toList());
            latency(g, pick(rows, LATENCY_ORDER));
        } finally {
            g.dispose();
        }
        return image;
    }

    static void write(BufferedImage image, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Results.Row> pick(List<Results.Row> rows, List<String> ids) {
        List<Results.Row> picked = new ArrayList<>();
        for (String id : ids) {
            rows.stream().filter(r -> r.id.equals(id) && r.value > 0).findFirst().ifPresent(picked::add);
        }
        return picked;
    }

    /** Horizontal bars on a log10 axis spanning whole decades, one grid line a decade. */
    private static void throughputs(Graphics2D g, List<Results.Row> rows) {
        heading(g, "Throughput (per second, log scale) — blue: Kafka's limit on the same topic, orange: the processor", THROUGHPUT_TOP - 14);
        if (rows.isEmpty()) {
            note(g, "no throughput measured in this run", THROUGHPUT_TOP + 40);
            return;
        }
        double min = rows.stream().mapToDouble(r -> r.value).min().orElseThrow();
        double max = rows.stream().mapToDouble(r -> r.value).max().orElseThrow();
        int fromDecade = (int) Math.floor(Math.log10(min));
        int toDecade = Math.max(fromDecade + 1, (int) Math.ceil(Math.log10(max)));
        int axisY = THROUGHPUT_BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int d = fromDecade; d <= toDecade; d++) {
            int x = logX(Math.pow(10, d), fromDecade, toDecade);
            g.setColor(GRID);
            g.drawLine(x, THROUGHPUT_TOP, x, axisY);
            g.setColor(TEXT);
            String label = decade(d);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, axisY + 14);
        }
        int slot = (THROUGHPUT_BOTTOM - THROUGHPUT_TOP) / rows.size();
        int bar = Math.min(30, (int) (slot * 0.65));
        for (int i = 0; i < rows.size(); i++) {
            Results.Row r = rows.get(i);
            int y = THROUGHPUT_TOP + i * slot + (slot - bar) / 2;
            int x1 = logX(r.value, fromDecade, toDecade);
            g.setColor(THROUGHPUTS.getOrDefault(r.id, OTHER));
            g.fillRect(PLOT_LEFT, y, Math.max(2, x1 - PLOT_LEFT), bar);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String label = r.id + "  " + r.name;
            g.drawString(fit(g, label, LABEL_WIDTH - 12), MARGIN, y + bar / 2 + 5);
            String value = Results.format(r.value) + " " + r.unit + (r.id.equals(Results.REPLAY) ? ofTrivial(r, rows) : "");
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(value, x1 + 6, y + bar / 2 + 5);
        }
    }

    /** The replay as a share of the trivial Streams app, the target (at least 0.5). */
    private static String ofTrivial(Results.Row replay, List<Results.Row> rows) {
        return rows.stream().filter(r -> r.id.equals(Results.TRIVIAL_STREAMS)).findFirst()
                .map(t -> String.format(Locale.ROOT, "  = %.2f of 1b (target 0.5)", replay.value / t.value)).orElse("");
    }

    /** p50, p95, p99 and max on a linear axis that always includes the target, with the target as a dashed line. */
    private static void latency(Graphics2D g, List<Results.Row> rows) {
        heading(g, "Live latency POST → SSE (ms) — dashed: target p99 < 500 ms", LATENCY_TOP - 14);
        if (rows.isEmpty()) {
            note(g, "not measured in this run (-skip-local)", LATENCY_TOP + 40);
            return;
        }
        // Events that never arrived make a percentile infinite: drawn across the whole axis, scaled on the others.
        double top = niceCeiling(Math.max(LATENCY_TARGET_MS, rows.stream().mapToDouble(r -> r.value).filter(Double::isFinite).max()
                .orElse(LATENCY_TARGET_MS)) * 1.05);
        int slot = (LATENCY_BOTTOM - LATENCY_TOP) / LATENCY_ORDER.size();
        int bar = Math.min(22, (int) (slot * 0.7));
        for (int i = 0; i < rows.size(); i++) {
            Results.Row r = rows.get(i);
            int y = LATENCY_TOP + i * slot + (slot - bar) / 2;
            boolean lost = Double.isInfinite(r.value);
            int x1 = lost ? PLOT_RIGHT : linearX(r.value, top);
            boolean p99 = r.id.equals(Results.LATENCY_P99);
            g.setColor(p99 ? (r.value < LATENCY_TARGET_MS ? MET : TARGET) : LIMIT);
            g.fillRect(PLOT_LEFT, y, Math.max(2, x1 - PLOT_LEFT), bar);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(r.id.substring(r.id.indexOf('.') + 1), PLOT_LEFT - 40, y + bar / 2 + 5);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            if (lost) {
                String label = "never arrived";
                g.setColor(BACKGROUND);
                g.drawString(label, x1 - g.getFontMetrics().stringWidth(label) - 6, y + bar / 2 + 5);
            } else {
                g.drawString(String.format(Locale.ROOT, "%,.0f ms", r.value), x1 + 6, y + bar / 2 + 5);
            }
        }
        int target = linearX(LATENCY_TARGET_MS, top);
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(target, LATENCY_TOP - 4, target, LATENCY_BOTTOM);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("500 ms", target + 4, LATENCY_BOTTOM + 12);
        g.setColor(TEXT);
        g.drawString("0", PLOT_LEFT - 3, LATENCY_BOTTOM + 12);
        String end = String.format(Locale.ROOT, "%,.0f", top);
        g.drawString(end, PLOT_RIGHT - g.getFontMetrics().stringWidth(end) / 2, LATENCY_BOTTOM + 12);
    }

    private static void heading(Graphics2D g, String text, int y) {
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(fit(g, text, WIDTH - 2 * MARGIN), MARGIN, y);
    }

    private static void note(Graphics2D g, String text, int y) {
        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        g.drawString(text, PLOT_LEFT, y);
    }

    private static int logX(double value, int fromDecade, int toDecade) {
        double f = (Math.log10(value) - fromDecade) / (toDecade - fromDecade);
        return PLOT_LEFT + (int) Math.round(f * (PLOT_RIGHT - PLOT_LEFT));
    }

    private static int linearX(double value, double top) {
        return PLOT_LEFT + (int) Math.round(value / top * (PLOT_RIGHT - PLOT_LEFT));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String decade(int d) {
        return switch (d) {
            case 0 -> "1";
            case 1 -> "10";
            case 2 -> "100";
            case 3 -> "1k";
            case 4 -> "10k";
            case 5 -> "100k";
            case 6 -> "1M";
            case 7 -> "10M";
            default -> "1e" + d;
        };
    }

    /** The text, cut with an ellipsis to fit {@code width} pixels. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
