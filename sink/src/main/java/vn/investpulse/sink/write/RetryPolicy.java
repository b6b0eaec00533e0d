package vn.investpulse.sink.write;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff for a lost store connection: attempt n (from 1) waits
 * {@code min(initial x 2^(n-1), max)} before it runs again; after {@code maxRetries} the failure stands.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 <= initial <= max");
        }
    }

    public Duration backoff(int retry) {
        long factor = 1L << Math.min(Math.max(retry - 1, 0), 30);
        Duration d = initialBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
    }
}
