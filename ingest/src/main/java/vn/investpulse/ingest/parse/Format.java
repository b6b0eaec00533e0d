package vn.investpulse.ingest.parse;

import java.util.Locale;
import java.util.Optional;

/** The body formats ingest reads, by media type and by file name. */
public enum Format {
    CSV("text/csv"),
    JSON("application/json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code text/csv; charset=utf-8} → CSV; {@code application/csv} is accepted too, as some tools send it. */
    public static Optional<Format> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "application/csv" -> Optional.of(CSV);
            case "application/json" -> Optional.of(JSON);
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }

    public static Optional<Format> fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    public ParsedTable read(byte[] body, TableKind kind) {
        return switch (this) {
            case CSV -> CsvTableReader.read(body, kind);
            case JSON -> JsonTableReader.read(body, kind);
            case XLSX -> XlsxTableReader.read(body, kind);
        };
    }
}
