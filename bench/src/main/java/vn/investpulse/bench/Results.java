package vn.investpulse.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of a benchmark run, printed as a table and written as Markdown, CSV and a PNG chart. */
final class Results {

    static final String MARKDOWN = "latest.md";
    static final String CSV = "latest.csv";
    static final String CHART = "latest.png";

    /** Row ids (the numbering of issue #9); the chart picks its bars by these. */
    static final String SETUP = "0";
    static final String CONSUMER_PERFORMANCE = "1a";
    static final String PLAIN_CONSUMER = "1a'";
    static final String TRIVIAL_STREAMS = "1b";
    static final String FLOOR = "1c";
    static final String REPLAY = "2";
    static final String LATENCY_P50 = "3.p50";
    static final String LATENCY_P95 = "3.p95";
    static final String LATENCY_P99 = "3.p99";
    static final String LATENCY_MAX = "3.max";
    static final String COLD_START = "4a";
    static final String RSS = "4b";
    static final String IMPORT = "5";

    /** One measurement: a name, a value with its unit, and a note (what exactly was timed, targets, ratios). */
    static final class Row {
        final String id;
        final String name;
        final double value;
        final String unit;
        String note;
        /** Throughput rows of the Streams apps: events/s over the second half of the register, or NaN. */
        double secondHalf = Double.NaN;

        Row(String id, String name, double value, String unit, String note) {
            this.id = id;
            this.name = name;
            this.value = value;
            this.unit = unit;
            this.note = note;
        }

        double perSecond() {
            return value;
        }

        /** A throughput (events/s, records/s, rows/s), as opposed to a time or a size. */
        boolean isThroughput() {
            return unit.endsWith("/s");
        }

        /**
         * Adds the ratios to Kafka's consumer, to the trivial Streams app and to the floor (1c) to the note: this row's
         * rate divided by theirs, all measured on the same topic in the same run.
         */
        void ratio(double consumer, double trivial, double floor) {
            note = String.format(Locale.ROOT, "%s; ratio to ConsumerPerformance %.3f, to trivial Streams app %.2f (target >= 0.5), "
                            + "to the floor of its Kafka work %.2f", note, value / consumer, value / trivial, value / floor);
        }

        /**
         * Adds the ratio of the second halves of the register (this row's against the trivial app's): not the target,
         * which is start to end, but it tells a slow start (JIT compilation of code the trivial app does not have) from
         * a slowdown as state grows.
         */
        void secondHalfRatio(Row trivial) {
            if (!Double.isNaN(secondHalf) && !Double.isNaN(trivial.secondHalf)) {
                note = String.format(Locale.ROOT, "%s; second half of the register only: %.2f of the trivial app's", note,
                        secondHalf / trivial.secondHalf);
            }
        }
    }

    private final List<String> machine;
    private final List<String> run;
    private final List<Row> rows = new ArrayList<>();

    Results(List<String> machine, List<String> run) {
        this.machine = List.copyOf(machine);
        this.run = List.copyOf(run);
    }

    Row add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "BENCH %-6s %-48s %14s %-9s %s%n", row.id, row.name, format(row.value), row.unit, row.note);
        return row;
    }

    void addAll(List<Row> more) {
        more.forEach(this::add);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<String> machine() {
        return machine;
    }

    void print() {
        System.out.println();
        System.out.println(markdown(null));
    }

    /** The Markdown report; {@code chart} is the chart's file name (linked), or null when none was written. */
    String markdown(String chart) {
        StringBuilder md = new StringBuilder("# invest-pulse benchmark — latest run\n\n## Machine\n");
        machine.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Run\n");
        run.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Results\n\n| # | measurement | value | unit | notes |\n|---|---|---:|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.id).append(" | ").append(r.name).append(" | ").append(format(r.value)).append(" | ")
                    .append(r.unit).append(" | ").append(r.note.replace("|", "/")).append(" |\n");
        }
        if (chart != null) {
            md.append("\n![Throughputs on a log scale, and live latency against the 500 ms target](").append(chart).append(")\n");
        }
        return md.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("id,measurement,value,unit,notes\n");
        for (Row r : rows) {
            csv.append(quote(r.id)).append(',').append(quote(r.name)).append(',').append(String.format(Locale.ROOT, "%.3f", r.value))
                    .append(',').append(r.unit).append(',').append(quote(r.note)).append('\n');
        }
        return csv.toString();
    }

    /** Writes latest.md, latest.csv and latest.png to {@code dir}; a chart that cannot be drawn leaves the other two. */
    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            String chart = null;
            try {
                BufferedImage image = Chart.render(rows, Chart.subtitle(machine, run));
                Chart.write(image, dir.resolve(CHART));
                chart = CHART;
            } catch (IOException | RuntimeException e) {
                System.err.println("The chart could not be written (" + e + "); latest.md and latest.csv are written without it.");
            }
            Files.writeString(dir.resolve(MARKDOWN), markdown(chart));
            Files.writeString(dir.resolve(CSV), csv());
            System.out.println("Wrote " + dir.toAbsolutePath().resolve(MARKDOWN) + ", " + CSV + (chart == null ? "" : " and " + CHART));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
