package vn.investpulse.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where settings come from: defaults in code, then an optional properties file named by
 * {@code PULSE_CONFIG_FILE} (keys are the env var names), then the environment, which wins.
 */
public final class ConfigSource {

    public static final String CONFIG_FILE_ENV = "PULSE_CONFIG_FILE";
    /** Prefix for pass-through Kafka client settings: PULSE_KAFKA_SASL_MECHANISM -> sasl.mechanism. */
    public static final String KAFKA_PREFIX = "PULSE_KAFKA_";
    /** Prefix for pass-through registry serde settings: PULSE_REGISTRY_CLIENT_AUTH_USERNAME -> apicurio.auth.username. */
    public static final String REGISTRY_CLIENT_PREFIX = "PULSE_REGISTRY_CLIENT_";

    private final Map<String, String> values;

    public ConfigSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static ConfigSource fromEnvironment() {
        return from(System.getenv());
    }

    /** The environment given, overlaid on the file it names in PULSE_CONFIG_FILE, if any. */
    public static ConfigSource from(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>();
        String file = env.get(CONFIG_FILE_ENV);
        if (file != null && !file.isBlank()) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new ConfigException(java.util.List.of(CONFIG_FILE_ENV + ": cannot read " + file + ": " + e.getMessage()));
            }
            props.forEach((k, v) -> merged.put(k.toString(), v.toString()));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("PULSE_")) {
                merged.put(k, v);
            }
        });
        return new ConfigSource(merged);
    }

    public String raw(String env) {
        String v = values.get(env);
        return v == null || v.isBlank() ? null : v;
    }

    /** A copy with one more value: for tests and for the local runtime, which wires services together. */
    public ConfigSource with(String env, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(env, value);
        return new ConfigSource(copy);
    }

    /**
     * Kafka client settings passed through as {@code PULSE_KAFKA_<NAME>}: the name lower-cased with
     * '_' read as '.', e.g. {@code PULSE_KAFKA_SECURITY_PROTOCOL=SASL_SSL}. Names listed in
     * {@code reserved} are the pipeline's own settings and are not passed.
     */
    public Map<String, Object> kafkaClientSettings(java.util.Set<String> reserved) {
        return prefixed(KAFKA_PREFIX, reserved);
    }

    /** Registry client settings: {@code PULSE_REGISTRY_CLIENT_AUTH_USERNAME} -> {@code apicurio.auth.username}. */
    public Map<String, Object> registryClientSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        prefixed(REGISTRY_CLIENT_PREFIX, java.util.Set.of()).forEach((k, v) -> out.put("apicurio." + k, v));
        return out;
    }

    private Map<String, Object> prefixed(String prefix, java.util.Set<String> reserved) {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && !reserved.contains(k) && v != null && !v.isBlank()) {
                out.put(k.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }
}
