package vn.investpulse.ingest.reference;

import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.Zone;

/** Keys of the compacted reference topics: the latest value per key wins. */
public final class ReferenceKeys {

    private ReferenceKeys() {
    }

    public static String zone(Zone zone) {
        return zone.getCode();
    }

    /** {@code USD:2024-01-01}. */
    public static String fxRate(FxRate rate) {
        return rate.getCurrency() + ":" + rate.getEffectiveDate();
    }

    /** {@code FDI:2024} or {@code FDI:2024:DEEP_C}. */
    public static String plan(PlanTarget plan) {
        String key = plan.getCapitalSource() + ":" + plan.getYear();
        return plan.getZoneCode() == null ? key : key + ":" + plan.getZoneCode();
    }
}
