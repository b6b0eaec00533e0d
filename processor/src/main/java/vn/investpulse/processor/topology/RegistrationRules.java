package vn.investpulse.processor.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

/** What a registration needs before the processor can count it; each problem is a clear reason for the DLQ. */
public final class RegistrationRules {

    private static final Pattern SECTOR = Pattern.compile("[A-U]\\d{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private RegistrationRules() {
    }

    public static List<String> problems(RegistrationEvent e) {
        List<String> p = new ArrayList<>();
        if (blank(e.getEventId())) {
            p.add("eventId is missing");
        }
        if (blank(e.getCertificateNo())) {
            p.add("certificateNo is missing");
        }
        if (e.getEventType() == null) {
            p.add("eventType is missing");
        }
        if (e.getCapitalSource() == null) {
            p.add("capitalSource is missing");
        }
        if (blank(e.getZoneCode()) || e.getZoneCode().indexOf('|') >= 0) {
            p.add("zoneCode is missing or contains '|'");
        }
        if (e.getSectorCode() == null || !SECTOR.matcher(e.getSectorCode()).matches()) {
            p.add("sectorCode '" + e.getSectorCode() + "' is not a VSIC division such as C26");
        }
        if (e.getInvestorCountry() == null || !COUNTRY.matcher(e.getInvestorCountry()).matches()) {
            p.add("investorCountry '" + e.getInvestorCountry() + "' is not an ISO 3166-1 alpha-2 code");
        }
        if (e.getEffectiveDate() == null) {
            p.add("effectiveDate is missing");
        } else if (e.getEffectiveAt() != null && !PeriodId.localDate(e.getEffectiveAt()).equals(e.getEffectiveDate())) {
            p.add("effectiveDate " + e.getEffectiveDate() + " is not the Asia/Ho_Chi_Minh date of effectiveAt " + e.getEffectiveAt());
        }
        if (e.getEventType() != null && e.getEventType() != EventType.TERMINATION) {
            if (e.getAmount() == null || e.getAmount().signum() <= 0) {
                p.add(e.getEventType() + " needs a positive amount, got " + e.getAmount());
            }
            if (e.getCurrency() == null || !CURRENCY.matcher(e.getCurrency()).matches()) {
                p.add("currency '" + e.getCurrency() + "' is not an ISO 4217 code");
            }
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
