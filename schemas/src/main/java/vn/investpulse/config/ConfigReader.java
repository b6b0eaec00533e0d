package vn.investpulse.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * Reads typed settings from a {@link ConfigSource}, collecting every problem instead of stopping at the
 * first, so a misconfigured service says everything that is wrong in one message at startup:
 *
 * <pre>{@code
 * ConfigReader r = new ConfigReader(source);
 * int port = r.get(HTTP_PORT);
 * Path dir = r.get(DATA_DIR);
 * r.check(port != 9092, HTTP_PORT, "must differ from the Kafka port");
 * r.validate();   // throws ConfigException listing every problem
 * }</pre>
 */
public final class ConfigReader {

    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();
    private final Map<Setting<?>, Object> read = new LinkedHashMap<>();

    public ConfigReader(ConfigSource source) {
        this.source = source;
    }

    public ConfigSource source() {
        return source;
    }

    /** The parsed value, its default if unset, or null for an optional setting without a default. */
    public <T> T get(Setting<T> setting) {
        String raw = source.raw(setting.env());
        String text = raw != null ? raw : setting.defaultValue();
        if (text == null) {
            if (setting.required()) {
                problems.add(setting.env() + ": required (" + setting.description() + ")");
            }
            read.put(setting, null);
            return null;
        }
        try {
            T value = setting.parser().apply(text);
            read.put(setting, value);
            return value;
        } catch (RuntimeException e) {
            String shown = setting.secret() ? "****" : "'" + text + "'";
            problems.add(setting.env() + "=" + shown + ": " + e.getMessage());
            read.put(setting, null);
            return setting.defaultValue() != null && raw != null ? safeDefault(setting) : null;
        }
    }

    /** Records a problem with a setting when a cross-setting condition does not hold. */
    public <T> void check(boolean condition, Setting<T> setting, String message) {
        if (!condition) {
            problems.add(setting.env() + ": " + message);
        }
    }

    public <T> T check(T value, Setting<T> setting, Predicate<T> condition, String message) {
        if (value != null && !condition.test(value)) {
            problems.add(setting.env() + "=" + (setting.secret() ? "****" : value) + ": " + message);
        }
        return value;
    }

    /** Throws a {@link ConfigException} listing every problem found so far. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** Logs every setting read, once, with secrets masked. */
    public void log(Logger log, String service) {
        StringBuilder sb = new StringBuilder(service).append(" configuration:");
        read.forEach((setting, value) -> sb.append(String.format(Locale.ROOT, "%n  %-36s = %s", setting.env(),
                setting.secret() ? (value == null ? "(unset)" : "****") : value)));
        log.info(sb.toString());
    }

    private static <T> T safeDefault(Setting<T> setting) {
        try {
            return setting.parser().apply(setting.defaultValue());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
