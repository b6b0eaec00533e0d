package vn.investpulse.alerts.webhook;

import java.time.Duration;

/**
 * Exponential backoff between webhook attempts: {@code initial}, then doubled after each failure, never
 * more than {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based): initial x 2^(attempt-1), capped. */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        int doublings = Math.min(attempt - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
