package vn.investpulse.ingest;

import java.util.List;

/**
 * What happened to an upload, as the API returns it:
 * {@code {"accepted": n, "duplicates": d, "rejected": [{"line": 12, "eventId": "...", "reason": "...", "reasonVi": "..."}]}}.
 *
 * @param requestId      the id of this upload (also the provenance "file" when no file name was given)
 * @param accepted       rows published (or, on a dry run, that would be)
 * @param duplicates     rows whose id appeared on an earlier accepted row of the same upload (sent once)
 * @param rejected       rows refused, with their reasons; each also went to the dead-letter topic
 * @param duplicateRows  which lines were duplicates, and of which line
 * @param ignoredColumns header columns that are not part of the contract (ignored)
 */
public record ImportReport(String requestId, String kind, boolean dryRun, int rows, int accepted, int duplicates,
                           List<Rejected> rejected, List<Duplicate> duplicateRows, List<String> ignoredColumns) {

    /** A refused row; {@code eventId} is the event id, or the reference key for reference data. */
    public record Rejected(long line, String eventId, String reason, String reasonVi) {
    }

    public record Duplicate(long line, String eventId, long firstLine) {
    }
}
