package vn.investpulse.sink.offsets;

/** The stored offset of a partition moved under this sink: its batch must not be applied. */
public final class OffsetConflictException extends Exception {

    public OffsetConflictException(String message) {
        super(message);
    }
}
