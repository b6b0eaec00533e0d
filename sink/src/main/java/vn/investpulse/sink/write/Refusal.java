package vn.investpulse.sink.write;

/**
 * A record the sink could not store (undecodable bytes, a key that disagrees with its value, a row the
 * database refuses), with the reason in English and Vietnamese; it goes to the sink's dead-letter topic.
 */
public record Refusal(Origin origin, String reason, String reasonVi, Throwable error, String rawText) {

    public String errorClass() {
        return error == null ? null : error.getClass().getName();
    }
}
