package vn.investpulse.sink.write;

/** The store stayed unreachable through every retry: the sink stops (and reports not ready). */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
