package vn.investpulse.processor.topology;

import vn.investpulse.schemas.DeadLetter;

/** The outcome of a step that can refuse a record: the value to pass on, or the dead letter saying why not. */
public record Checked<T>(T value, DeadLetter deadLetter) {

    public static <T> Checked<T> ok(T value) {
        return new Checked<>(value, null);
    }

    public static <T> Checked<T> refused(DeadLetter deadLetter) {
        return new Checked<>(null, deadLetter);
    }

    public boolean isOk() {
        return deadLetter == null;
    }
}
