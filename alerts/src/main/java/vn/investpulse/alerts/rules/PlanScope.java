package vn.investpulse.alerts.rules;

import java.util.Objects;
import vn.investpulse.schemas.CapitalSource;

/**
 * What a plan alert is about: a capital source, a scope (the whole Authority, {@code TOTAL}, or one zone
 * with its own plan) and a year. {@link #id()} is the deterministic part of every alert id.
 */
public record PlanScope(CapitalSource source, String scope, int year) {

    public static final String TOTAL = "TOTAL";

    public PlanScope {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        if (scope.isBlank() || scope.contains(":")) {
            throw new IllegalArgumentException("scope must be TOTAL or a zone code without ':', got '" + scope + "'");
        }
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    /** e.g. {@code FDI:TOTAL:2023} or {@code DDI:DEEP_C:2024}. */
    public String id() {
        return source + ":" + scope + ":" + year;
    }

    public boolean isTotal() {
        return TOTAL.equals(scope);
    }

    @Override
    public String toString() {
        return id();
    }
}
