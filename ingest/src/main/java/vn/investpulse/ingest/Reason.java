package vn.investpulse.ingest;

import java.util.List;
import java.util.Objects;

/**
 * Why a row or an upload was refused, in English and in Vietnamese (lý do, bằng tiếng Anh và tiếng Việt):
 * the Authority's staff read the Vietnamese one, operators and logs the English one.
 */
public record Reason(String en, String vi) {

    public Reason {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(vi, "vi");
    }

    public static Reason of(String en, String vi) {
        return new Reason(en, vi);
    }

    /** Several problems of one row, reported together so the sender can fix them in one pass. */
    public static Reason joined(List<Reason> reasons) {
        if (reasons.size() == 1) {
            return reasons.get(0);
        }
        return new Reason(
                String.join("; ", reasons.stream().map(Reason::en).toList()),
                String.join("; ", reasons.stream().map(Reason::vi).toList()));
    }
}
