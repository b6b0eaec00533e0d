package vn.investpulse.alerts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.investpulse.schemas.Alert;

/**
 * The JSON form of an alert, shared by the webhook body, the query API and the live stream: every Avro
 * field under its own name, enums as text, decimals as JSON numbers, instants as ISO-8601 UTC text.
 *
 * <pre>{@code
 * {"id":"PLAN_THRESHOLD:FDI:TOTAL:2023:100","kind":"PLAN_THRESHOLD","state":"FIRING","source":"FDI",
 *  "scope":"TOTAL","year":2023,"thresholdPct":100.00,"progressPct":101.25,"planAmount":2000000000.000000,
 *  "planCurrency":"USD","eventId":"e-42","certificateNo":"GCN-42","eventTime":"2023-11-02T03:00:00Z",
 *  "processedAt":"2023-11-02T03:00:01.250Z","messageVi":"Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)",
 *  "messageEn":"FDI 2023 reached 100% of plan (USD 2 bn)"}
 * }</pre>
 */
public final class AlertJson {

    private AlertJson() {
    }

    public static Map<String, Object> toMap(Alert alert) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", alert.getId());
        map.put("kind", alert.getKind().name());
        map.put("state", alert.getState().name());
        map.put("source", alert.getSource().name());
        map.put("scope", alert.getScope());
        map.put("year", alert.getYear());
        map.put("thresholdPct", alert.getThresholdPct());
        map.put("progressPct", alert.getProgressPct());
        map.put("planAmount", alert.getPlanAmount());
        map.put("planCurrency", alert.getPlanCurrency());
        map.put("eventId", alert.getEventId());
        map.put("certificateNo", alert.getCertificateNo());
        map.put("eventTime", alert.getEventTime());
        map.put("processedAt", alert.getProcessedAt());
        map.put("messageVi", alert.getMessageVi());
        map.put("messageEn", alert.getMessageEn());
        return map;
    }

    public static String toJson(Alert alert) {
        try {
            return Json.mapper().writeValueAsString(toMap(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.getId() + " as JSON", e);
        }
    }
}
