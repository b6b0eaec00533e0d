package vn.investpulse.config;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration setting: its environment variable, a default in code, how to parse and check a
 * value, and whether it is a secret (masked when settings are logged).
 *
 * @param defaultValue the default as text; null means "no default" (the setting is optional unless
 *                     {@code required})
 */
public record Setting<T>(String env, String description, String defaultValue, boolean required, boolean secret,
                         Function<String, T> parser) {

    public Setting {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parser, "parser");
        if (!env.startsWith("PULSE_")) {
            throw new IllegalArgumentException("settings are named PULSE_...: " + env);
        }
    }

    public Setting<T> asSecret() {
        return new Setting<>(env, description, defaultValue, required, true, parser);
    }

    public Setting<T> asRequired() {
        return new Setting<>(env, description, defaultValue, true, secret, parser);
    }

    public static Setting<String> string(String env, String defaultValue, String description) {
        return new Setting<>(env, description, defaultValue, false, false, s -> s);
    }

    public static Setting<Integer> port(String env, int defaultValue, String description) {
        return new Setting<>(env, description, Integer.toString(defaultValue), false, false, s -> {
            int port = parseInt(s);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a port is a number from 1 to 65535");
            }
            return port;
        });
    }

    public static Setting<Integer> positiveInt(String env, int defaultValue, String description) {
        return new Setting<>(env, description, Integer.toString(defaultValue), false, false, s -> {
            int value = parseInt(s);
            if (value < 1) {
                throw new IllegalArgumentException("must be a whole number of at least 1");
            }
            return value;
        });
    }

    public static Setting<Long> bytes(String env, long defaultValue, String description) {
        return new Setting<>(env, description, Long.toString(defaultValue), false, false, s -> {
            long value = parseSize(s);
            if (value < 1) {
                throw new IllegalArgumentException("must be a size of at least 1 byte");
            }
            return value;
        });
    }

    public static Setting<Boolean> bool(String env, boolean defaultValue, String description) {
        return new Setting<>(env, description, Boolean.toString(defaultValue), false, false, s -> switch (s.trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    public static Setting<Path> path(String env, String defaultValue, String description) {
        return new Setting<>(env, description, defaultValue, false, false, s -> Path.of(s.trim()));
    }

    public static Setting<Duration> duration(String env, Duration defaultValue, String description) {
        return new Setting<>(env, description, defaultValue.toString(), false, false, s -> {
            Duration d = parseDuration(s.trim());
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return d;
        });
    }

    public static Setting<BigDecimal> decimal(String env, String defaultValue, String description) {
        return new Setting<>(env, description, defaultValue, false, false, s -> {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a decimal number with '.' as the decimal point");
            }
        });
    }

    public static Setting<URI> url(String env, String defaultValue, String description) {
        return new Setting<>(env, description, defaultValue, false, false, s -> {
            URI uri = URI.create(s.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("must be an http:// or https:// URL");
            }
            return uri;
        });
    }

    /** A comma-separated list; empty items are ignored. */
    public static Setting<List<String>> list(String env, String defaultValue, String description) {
        return new Setting<>(env, description, defaultValue, false, false,
                s -> Arrays.stream(s.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    /** Accepts ISO-8601 (PT30S) or a number with a unit: 500ms, 30s, 5m, 2h, 1d. */
    static Duration parseDuration(String s) {
        try {
            if (s.startsWith("P") || s.startsWith("p")) {
                return Duration.parse(s);
            }
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(s.toLowerCase());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (RuntimeException e) {
            // fall through to the clear message below
        }
        throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 5m, 2h or PT30S");
    }

    /** Accepts a byte count or a number with KB, MB, GB (powers of 1024). */
    static long parseSize(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?").matcher(s.trim().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a size such as 1048576, 512KB, 10MB or 1GB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb", "k" -> n * 1024;
            case "mb", "m" -> n * 1024 * 1024;
            case "gb", "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
