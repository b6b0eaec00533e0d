package vn.investpulse.processor.store;

/**
 * Names of the processor's state stores. They name changelog topics ({@code <application.id>-<store>-changelog}):
 * renaming one loses its state in production, which is why {@code topology.describe()} is pinned by a test.
 */
public final class StoreNames {

    /**
     * Every counted registration, forever, by eventId: its project, its place among the project's entries and what the
     * figures need of it ({@code facts.ProjectEntry}). A duplicate finds its id here; the projects are rebuilt from it.
     */
    public static final String PROJECT_ENTRIES = "project-entries";
    /** Base facts by {@code SOURCE|DIMENSION|VALUE|yyyy-MM}, each value the month's local dates (not logged: rebuilt). */
    public static final String FACTS = "daily-facts";
    /**
     * Registrations waiting for an FX rate in force at their date, by where they were read (see
     * {@code topology.Placement}); empty but for a few seconds in normal operation.
     */
    public static final String WAITING_FOR_RATES = "waiting-for-rates";
    /** FX rates by {@code CURRENCY:yyyy-MM-dd}, VND per unit. */
    public static final String FX_RATES = "fx-rates";
    /** Annual plans by {@code SOURCE:year[:ZONE]}. */
    public static final String PLANS = "plans";
    /** Series waiting for their indicators to be recomputed, with the earliest affected month. */
    public static final String DIRTY_SERIES = "dirty-series";
    /** Fingerprint of the figures last emitted per indicator key, so only changed figures are emitted. */
    public static final String EMITTED = "emitted-indicators";

    private StoreNames() {
    }
}
