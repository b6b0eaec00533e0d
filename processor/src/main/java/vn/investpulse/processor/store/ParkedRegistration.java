package vn.investpulse.processor.store;

import vn.investpulse.schemas.RegistrationEvent;

/**
 * A registration waiting for an FX rate to be in force at its date ({@code topology.Placement}), as kept in
 * {@link StoreNames#WAITING_FOR_RATES}: what is needed to pass it on once the rate is there, or to refuse it when the wait
 * is over. Stored by {@link CompactSerdes#parkedRegistration}.
 *
 * @param key       the record key (the certificate number)
 * @param origin    {@code topic/partition/offset} where the registration was first read, or null
 * @param timestamp the record's timestamp
 * @param parkedAt  wall-clock time it started waiting, epoch milliseconds
 */
public record ParkedRegistration(String key, RegistrationEvent event, String origin, long timestamp, long parkedAt) {

    /** The store key: where the registration was read (each record waits on its own, duplicates included). */
    public static String storeKey(String key, String origin, long timestamp) {
        return origin != null ? origin : key + "@" + timestamp;
    }
}
