package vn.investpulse.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.investpulse.ingest.Reason;

/**
 * Reads a JSON array of objects whose fields are the CSV columns in camelCase ({@code eventId},
 * {@code certificateNo}, ...; any spelling {@link TableKind#canonical} knows is accepted). A row's line is
 * its array index + 1, unless the object carries its own {@code "line"} — the import CLI sends batches of a
 * bigger file that way, so rejections point at the line of the original file.
 */
public final class JsonTableReader {

    /** Numbers are read as BigDecimal: an amount must never pass through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonTableReader() {
    }

    public static ParsedTable read(byte[] body, TableKind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(CsvTableReader.decodeUtf8(body));
        } catch (JsonProcessingException e) {
            throw new TableFormatException(Reason.of(
                    "the body is not valid JSON: " + e.getOriginalMessage(),
                    "nội dung không phải JSON hợp lệ: " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TableFormatException(Reason.of("cannot read the JSON body: " + e.getMessage(),
                    "không đọc được nội dung JSON: " + e.getMessage()), e);
        }
        if (root == null || !root.isArray()) {
            throw new TableFormatException(Reason.of(
                    "the JSON body must be an array of objects, e.g. [{\"eventId\": ...}]",
                    "nội dung JSON phải là một mảng các đối tượng, ví dụ [{\"eventId\": ...}]"));
        }
        List<RawRow> rows = new ArrayList<>();
        TreeSet<String> ignored = new TreeSet<>();
        int index = 0;
        for (JsonNode element : root) {
            index++;
            rows.add(row(element, index, kind, ignored));
        }
        return new ParsedTable(rows, List.copyOf(ignored));
    }

    private static RawRow row(JsonNode element, int index, TableKind kind, TreeSet<String> ignored) {
        String raw = element.toString();
        long line = element.isObject() && element.path("line").canConvertToLong() ? element.get("line").asLong() : index;
        if (!element.isObject()) {
            return RawRow.broken(line, raw, Reason.of(
                    "array element " + index + " is not a JSON object",
                    "phần tử thứ " + index + " của mảng không phải đối tượng JSON"));
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String column = kind.canonical(field.getKey());
            if (column == null) {
                if (!field.getKey().equals("line")) {
                    ignored.add(field.getKey());
                }
                continue;
            }
            values.put(column, text(field.getValue()));
        }
        return RawRow.ok(line, values, raw);
    }

    /** Scalars as text; a number keeps its exact decimal digits (no exponent); null stays missing. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node.toString();
    }
}
