package vn.investpulse.ingest.validate;

import java.time.Instant;

/**
 * Where the rows of one upload come from.
 *
 * @param connector  http, csv-import, xlsx-import, json-import, demo
 * @param file       the file name, or the HTTP request id when there is none
 * @param ingestedAt when ingest received the upload (one instant for all its rows)
 */
public record RowContext(String connector, String file, Instant ingestedAt) {
}
