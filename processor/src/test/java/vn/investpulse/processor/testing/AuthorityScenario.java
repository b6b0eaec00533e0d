package vn.investpulse.processor.testing;

import static vn.investpulse.processor.testing.Registrations.event;
import static vn.investpulse.processor.testing.Registrations.newProject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * A small register shaped like the Hai Phong Economic Zone Authority's 2023 report: «FDI đạt 3,5 tỷ USD với 62 dự án
 * cấp mới, 37 dự án điều chỉnh tăng vốn, đạt 175% kế hoạch giao, tăng 140% cùng kỳ năm 2022; DDI đạt trên 1 tỷ USD
 * (23.847 tỷ đồng) với 15 dự án cấp mới, 15 dự án điều chỉnh tăng vốn, đạt 238,47% kế hoạch năm, tăng 192%» — and
 * Q1 2024 FDI of 212 M USD against a 2 bn USD plan (10.60 %).
 *
 * <p>Rates: USD 23,000 VND from 2022-01-01, 23,500 VND from 2023-01-01. Plans: FDI 2023 and 2024 2 bn USD, DDI 2023
 * 10,000 tỷ đồng. One 2022 FDI project (50 M USD) is terminated on 15 June 2023.
 */
public final class AuthorityScenario {

    public static final String FDI_PLAN = "2000000000";
    public static final String DDI_PLAN_2023 = "10000000000000";
    public static final String RATE_2022 = "23000";
    public static final String RATE_2023 = "23500";
    public static final String[] ZONES = {"DEEP_C", "VSIP", "TRANG_DUE"};
    public static final String[] SECTORS = {"C26", "C27", "H52"};
    public static final String[] COUNTRIES = {"KR", "JP", "CN", "SG"};

    private AuthorityScenario() {
    }

    public static List<RegistrationEvent> events() {
        List<RegistrationEvent> out = new ArrayList<>();
        int line = 2;
        // FDI 2022: 25 new projects of 50 M USD and 10 increases of 20,833,333.333333 USD = 1,458,333,333.33333 USD.
        for (int i = 0; i < 25; i++) {
            out.add(fdi(newProject("F22-N" + i, "FDI-22-" + i, date(2022, i), "50000000"), i).line(line++).build());
        }
        for (int i = 0; i < 10; i++) {
            out.add(fdi(event("F22-I" + i, "FDI-22-" + i, EventType.CAPITAL_INCREASE, "2022-12-" + two(10 + i))
                    .amount("20833333.333333"), i).line(line++).build());
        }
        // FDI 2023: 62 new projects of 40 M USD, 37 increases (36 of 27.5 M and one of 30 M) = 3.5 bn USD.
        for (int i = 0; i < 62; i++) {
            out.add(fdi(newProject("F23-N" + i, "FDI-23-" + i, date(2023, i), "40000000"), i).line(line++).build());
        }
        for (int i = 0; i < 37; i++) {
            out.add(fdi(event("F23-I" + i, "FDI-23-" + i, EventType.CAPITAL_INCREASE, "2023-12-" + two(1 + i % 28))
                    .amount(i == 36 ? "30000000" : "27500000"), i).line(line++).build());
        }
        out.add(fdi(event("F23-T24", "FDI-22-24", EventType.TERMINATION, "2023-06-15"), 24).line(line++).build());
        // DDI 2022: 8,166,780,821,917.808219 VND (so 2023 is +192 %).
        for (int i = 0; i < 10; i++) {
            out.add(ddi(newProject("D22-N" + i, "DDI-22-" + i, date(2022, i), i == 9 ? "966780821917.808219" : "800000000000"), i)
                    .line(line++).build());
        }
        // DDI 2023: 15 new projects of 1,000 tỷ and 15 increases (14 of 600 tỷ, one of 447 tỷ) = 23,847 tỷ đồng.
        for (int i = 0; i < 15; i++) {
            out.add(ddi(newProject("D23-N" + i, "DDI-23-" + i, date(2023, i), "1000000000000"), i).line(line++).build());
        }
        for (int i = 0; i < 15; i++) {
            out.add(ddi(event("D23-I" + i, "DDI-23-" + i, EventType.CAPITAL_INCREASE, "2023-11-" + two(1 + i))
                    .amount(i == 14 ? "447000000000" : "600000000000"), i).line(line++).build());
        }
        // Q1 2024: 4 FDI projects of 53 M USD = 212 M USD.
        for (int i = 0; i < 4; i++) {
            out.add(fdi(newProject("F24-N" + i, "FDI-24-" + i, "2024-0" + (1 + i % 3) + "-15", "53000000"), i).line(line++).build());
        }
        return out;
    }

    private static Registrations fdi(Registrations r, int i) {
        return r.zone(ZONES[i % 3]).sector(SECTORS[i % 3]).country(COUNTRIES[i % 4]);
    }

    private static Registrations ddi(Registrations r, int i) {
        return r.ddi().zone(ZONES[i % 3]).sector(SECTORS[(i + 1) % 3]);
    }

    /** The i-th project's date in a year: months 1..12 in turn, days 1..28. */
    private static String date(int year, int i) {
        return year + "-" + two(1 + i % 12) + "-" + two(1 + i % 28);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    public static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
