package vn.investpulse.ingest.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.ingest.IngestConfig;

/**
 * The bearer token that write requests must carry. From PULSE_API_TOKEN; in local mode without it, read
 * from {@code <dataDir>/api-token}, or generated there on first start (printed once) and reused afterwards.
 */
public final class ApiToken {

    public static final String FILE_NAME = "api-token";
    private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);
    private static final int TOKEN_BYTES = 24;

    private final byte[] token;

    private ApiToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public static ApiToken of(String token) {
        return new ApiToken(token);
    }

    public static ApiToken resolve(IngestConfig config) {
        if (config.apiToken() != null) {
            return new ApiToken(config.apiToken());
        }
        if (!config.localMode()) {
            throw new IllegalStateException("PULSE_API_TOKEN is required outside local mode");
        }
        return new ApiToken(localToken(config.dataDir()));
    }

    /** Reads {@code <dataDir>/api-token}, creating it with a fresh random token the first time. */
    static String localToken(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    LOG.info("Ingest API token read from {}", file.toAbsolutePath());
                    return stored;
                }
            }
            byte[] random = new byte[TOKEN_BYTES];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            // Printed, not only logged: the operator needs it for the CLI and curl.
            System.out.println("Ingest API token (stored in " + file.toAbsolutePath() + "): " + token);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API token file " + file, e);
        }
    }

    /** Checks an Authorization header value in constant time. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorizationHeader.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ApiToken[****]";
    }
}
