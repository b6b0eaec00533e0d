package vn.investpulse.sink.write;

/**
 * Where a consumed record came from, kept beside its row so a refusal can name it in the dead letter.
 *
 * @param eventId the registration event behind the record when known (for the operator), else null
 */
public record Origin(String topic, int partition, long offset, byte[] key, byte[] value, String eventId) {

    /** Provenance in one token, e.g. {@code pulse.indicators.v1:2@1041}. */
    public String position() {
        return topic + ":" + partition + "@" + offset;
    }

    public Origin withEventId(String id) {
        return new Origin(topic, partition, offset, key, value, id);
    }
}
