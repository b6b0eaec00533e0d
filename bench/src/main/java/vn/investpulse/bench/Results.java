package vn.investpulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of a benchmark run, printed as a table and written as Markdown and CSV. */
final class Results {

    /** One measurement: a name, a value with its unit, and a note (what exactly was timed, targets, ratios). */
    static final class Row {
        final String id;
        final String name;
        final double value;
        final String unit;
        String note;

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

        /** Adds the ratios to the plain consumer and to the trivial Streams app to the note. */
        void ratio(double consumer, double trivial) {
            note = String.format(Locale.ROOT, "%s; ratio to plain consumer %.3f, to trivial Streams app %.2f (target >= 0.5)",
                    note, value / consumer, value / trivial);
        }
    }

    private final List<String> machine;
    private final BenchMain.Options options;
    private final List<Row> rows = new ArrayList<>();

    Results(List<String> machine, BenchMain.Options options) {
        this.machine = machine;
        this.options = options;
    }

    Row add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "BENCH %-42s %14s %-8s %s%n", row.name, format(row.value), row.unit, row.note);
        return row;
    }

    void print() {
        System.out.println();
        System.out.println(markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# invest-pulse benchmark — latest run\n\n## Machine\n");
        machine.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Run\n");
        options.describe().forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Results\n\n| # | measurement | value | unit | notes |\n|---|---|---:|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.id).append(" | ").append(r.name).append(" | ").append(format(r.value)).append(" | ")
                    .append(r.unit).append(" | ").append(r.note.replace("|", "/")).append(" |\n");
        }
        return md.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("id,measurement,value,unit,notes\n");
        for (Row r : rows) {
            csv.append(r.id).append(',').append(quote(r.name)).append(',').append(String.format(Locale.ROOT, "%.3f", r.value))
                    .append(',').append(r.unit).append(',').append(quote(r.note)).append('\n');
        }
        return csv.toString();
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.md"), markdown());
            Files.writeString(dir.resolve("latest.csv"), csv());
            System.out.println("Wrote " + dir.toAbsolutePath().resolve("latest.md") + " and latest.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
