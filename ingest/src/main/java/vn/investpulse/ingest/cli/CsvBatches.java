package vn.investpulse.ingest.cli;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.investpulse.ingest.parse.TableKind;

/**
 * Splits a CSV file into batches of whole records, each sent with the header row and the line offset that
 * keeps the server's line numbers those of the original file. Records end at a line end outside quotes
 * (RFC 4180: quotes inside a quoted field are doubled, so quote parity tells).
 */
final class CsvBatches {

    /** One record: its first physical line, and where it lies in the text. */
    record Record(long line, int start, int end) {
    }

    private final String text;
    private final String header;
    private final List<Record> records;
    private final int idColumn;

    private CsvBatches(String text, String header, List<Record> records, int idColumn) {
        this.text = text;
        this.header = header;
        this.records = records;
        this.idColumn = idColumn;
    }

    static CsvBatches of(String content, TableKind kind) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Record> all = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        long line = 1;
        long recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                if (!quoted) {
                    all.add(new Record(recordLine, start, i + 1));
                    start = i + 1;
                    recordLine = line;
                }
            }
        }
        if (start < text.length()) {
            all.add(new Record(recordLine, start, text.length()));
        }
        if (all.isEmpty()) {
            return new CsvBatches(text, "", List.of(), -1);
        }
        Record head = all.get(0);
        String header = text.substring(head.start(), head.end());
        List<Record> body = List.copyOf(all.subList(1, all.size()));
        return new CsvBatches(text, header.endsWith("\n") || header.endsWith("\r") ? header : header + "\n", body,
                idColumn(header, kind));
    }

    /** Position of the id column (event_id, or code for zones) in the header, -1 when absent. */
    private static int idColumn(String header, TableKind kind) {
        List<String> cells = cells(header);
        String wanted = kind == TableKind.EVENTS ? "event_id" : null;
        for (int i = 0; wanted != null && i < cells.size(); i++) {
            if (wanted.equals(kind.canonical(cells.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return records.size();
    }

    List<Record> records() {
        return records;
    }

    /** The event id of a record, or null when there is none or the record cannot be read. */
    String id(Record record) {
        if (idColumn < 0) {
            return null;
        }
        String cell = field(text, record.start(), record.end(), idColumn);
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    /**
     * The n-th field of one RFC 4180 record in {@code text[start, end)}, without building a parser per record
     * (that was a tenth of the CLI's time on a large file). Null when the record has fewer fields.
     */
    static String field(String text, int start, int end, int index) {
        int field = 0;
        int i = start;
        while (i <= end) {
            StringBuilder value = field == index ? new StringBuilder() : null;
            if (i < end && text.charAt(i) == '"') {
                i++;
                while (i < end) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < end && text.charAt(i + 1) == '"') {
                            if (value != null) {
                                value.append('"');
                            }
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (value != null) {
                        value.append(c);
                    }
                    i++;
                }
            }
            while (i < end && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                if (value != null) {
                    value.append(text.charAt(i));
                }
                i++;
            }
            if (value != null) {
                return value.toString();
            }
            if (i >= end || text.charAt(i) != ',') {
                return null;
            }
            i++;
            field++;
        }
        return null;
    }

    boolean blank(Record record) {
        return text.substring(record.start(), record.end()).isBlank();
    }

    /**
     * A CSV body: the header, then a contiguous run of records in file order. A record left out (a duplicate
     * already sent) becomes as many empty lines as it spans, which the server skips: the lines of the records
     * after it keep their numbers.
     */
    String body(List<Record> batch, java.util.Set<Record> leftOut) {
        StringBuilder out = new StringBuilder(header);
        for (Record r : batch) {
            String raw = text.substring(r.start(), r.end());
            if (leftOut.contains(r)) {
                raw.chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                if (!raw.endsWith("\n")) {
                    out.append('\n');
                }
                continue;
            }
            out.append(raw);
            if (!raw.endsWith("\n") && !raw.endsWith("\r")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The line offset to send with a batch: its first record is line 2 of the body. */
    static long lineOffset(List<Record> batch) {
        return batch.isEmpty() ? 0 : batch.get(0).line() - 2;
    }

    private static List<String> cells(String line) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
