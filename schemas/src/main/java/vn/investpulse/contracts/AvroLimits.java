package vn.investpulse.contracts;

import java.lang.reflect.Method;
import java.util.Map;
import org.apache.avro.SystemLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what Avro allocates for a length read off the wire. A record is at most a few megabytes (the broker's
 * {@code max.message.bytes}), but Avro trusts the lengths inside it: random bytes after a valid header once claimed a
 * string of about 2 GB, and the allocation killed the JVM (OutOfMemoryError) instead of sending the record to the DLQ.
 * With these limits Avro throws {@link SystemLimitException}, an ordinary decoding error with a reason.
 *
 * <p>Applied when {@link RegistrySerdes} is loaded, before any deserializer exists. A value already set with
 * {@code -Dorg.apache.avro.limits...} wins.
 */
public final class AvroLimits {

    private static final Logger LOG = LoggerFactory.getLogger(AvroLimits.class);
    /** Far above any field of our contracts, far below a heap. */
    static final int MAX_LENGTH = 16 * 1024 * 1024;
    static final Map<String, String> LIMITS = Map.of(
            SystemLimitException.MAX_STRING_LENGTH_PROPERTY, Integer.toString(MAX_LENGTH),
            SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, Integer.toString(MAX_LENGTH),
            SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, Integer.toString(MAX_LENGTH));

    private AvroLimits() {
    }

    public static synchronized void install() {
        LIMITS.forEach((property, value) -> {
            if (System.getProperty(property) == null) {
                System.setProperty(property, value);
            }
        });
        // Avro reads the properties when SystemLimitException is initialised; if something decoded before us, re-read.
        try {
            Method reset = SystemLimitException.class.getDeclaredMethod("resetLimits");
            reset.setAccessible(true);
            reset.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not apply the Avro length limits ({}); they apply to JVMs that set them before Avro loads", e.toString());
        }
    }
}
