package vn.investpulse.processor.topology;

import java.util.ArrayList;
import java.util.List;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

/** What a registration needs before the processor can count it; each problem is a clear reason for the DLQ. */
public final class RegistrationRules {

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
        if (e.getSectorCode() == null || !isVsicDivision(e.getSectorCode())) {
            p.add("sectorCode '" + e.getSectorCode() + "' is not a VSIC division such as C26");
        }
        if (e.getInvestorCountry() == null || !isUpperLetters(e.getInvestorCountry(), 2)) {
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
            if (e.getCurrency() == null || !isUpperLetters(e.getCurrency(), 3)) {
                p.add("currency '" + e.getCurrency() + "' is not an ISO 4217 code");
            }
        }
        return p;
    }

    // The code checks are written out, not regular expressions: every registration of a replay passes them, and a
    // Matcher per field was about 1.5 % of the stream thread and a tenth of what it allocated (issue 9's benchmark).

    /** A VSIC division: a section letter A-U and two ASCII digits, e.g. C26. */
    static boolean isVsicDivision(String s) {
        return s.length() == 3 && s.charAt(0) >= 'A' && s.charAt(0) <= 'U' && isDigit(s.charAt(1)) && isDigit(s.charAt(2));
    }

    /** Exactly {@code length} letters A-Z: an ISO 3166-1 alpha-2 country or an ISO 4217 currency code. */
    static boolean isUpperLetters(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
