package vn.investpulse.faults.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.investpulse.bench.SyntheticRegister;

/**
 * A fixed, wide set of indicator series read through the processor's HTTP API: for FDI, DDI and ALL, the total and
 * every zone, sector and investor country of {@link SyntheticRegister}, by year and by quarter over the register's
 * 30 years, plus the monthly total. Two snapshots are equal when every figure of every period is equal; the API
 * carries no provenance fields (asOf, lastEventId), so the JSON bodies are compared as they are.
 */
public final class IndicatorSnapshot {

    private static final String FROM_YEAR = Integer.toString(SyntheticRegister.FIRST_DAY.getYear());
    private static final String TO_YEAR = Integer.toString(SyntheticRegister.LAST_DAY.getYear());

    private IndicatorSnapshot() {
    }

    /** The queries, e.g. {@code /api/v1/indicators/series?source=FDI&granularity=year&from=1996&to=2025&zone=DEEP_C}. */
    public static List<String> queries(List<String> zones) {
        List<String> series = new ArrayList<>();
        series.add("");
        zones.forEach(z -> series.add("&zone=" + z));
        SyntheticRegister.SECTORS.forEach(s -> series.add("&sector=" + s));
        SyntheticRegister.COUNTRIES.forEach(c -> series.add("&country=" + c));
        series.add("&country=VN");
        List<String> out = new ArrayList<>();
        for (String source : List.of("FDI", "DDI", "ALL")) {
            out.add("/api/v1/indicators/series?source=" + source + "&granularity=month&from=" + FROM_YEAR + "-01&to=" + TO_YEAR + "-12");
            for (String s : series) {
                out.add("/api/v1/indicators/series?source=" + source + "&granularity=year&from=" + FROM_YEAR + "&to=" + TO_YEAR + s);
                out.add("/api/v1/indicators/series?source=" + source + "&granularity=quarter&from=" + FROM_YEAR + "-Q1&to=" + TO_YEAR + "-Q4" + s);
            }
        }
        return out;
    }

    /** Query → JSON body; fails on any answer but 200. */
    public static Map<String, String> take(ProcessorProcess processor, List<String> zones) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String q : queries(zones)) {
            HttpResponse<String> r = processor.get(q);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(q + " answered " + r.statusCode() + ": " + r.body());
            }
            out.put(q, r.body());
        }
        return out;
    }
}
