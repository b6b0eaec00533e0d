package vn.investpulse.contracts;

import io.apicurio.registry.resolver.DefaultSchemaResolver;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.client.exception.RuleNotFoundException;
import io.apicurio.registry.rest.v2.beans.Error;
import io.apicurio.registry.rest.v2.beans.Rule;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.types.RuleType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry-wide rules set at startup. Apicurio's default compatibility is NONE; ours is BACKWARD,
 * so a consumer with the new schema can always read what was written with the previous one.
 *
 * <p>The rule is set through Apicurio's own client, built from the same settings as the serdes
 * ({@code PULSE_REGISTRY_CLIENT_<NAME>} → {@code apicurio.<name>}): a registry that needs basic auth
 * ({@code apicurio.auth.username}/{@code password}) or OIDC ({@code apicurio.auth.service.url}, realm, client id and
 * secret, or {@code apicurio.auth.service.token.endpoint}) is authenticated exactly as the serializers authenticate.
 */
public final class RegistryRules {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRules.class);
    static final String COMPATIBILITY = "BACKWARD";

    private RegistryRules() {
    }

    /** {@link #ensureBackwardCompatibility(String, Map)} for a registry without authentication (the embedded one). */
    public static void ensureBackwardCompatibility(String registryApiUrl) {
        ensureBackwardCompatibility(registryApiUrl, Map.of());
    }

    /**
     * Sets the global compatibility rule to BACKWARD through the Apicurio core API.
     *
     * @param registryApiUrl e.g. {@code http://localhost:8081/apis/registry/v2}
     * @param clientSettings the {@code apicurio.*} settings the serdes get (auth), possibly empty
     * @throws IllegalStateException when the registry cannot be reached or refuses (e.g. 401/403 without credentials)
     */
    public static void ensureBackwardCompatibility(String registryApiUrl, Map<String, ?> clientSettings) {
        Objects.requireNonNull(registryApiUrl, "registryApiUrl");
        Rule rule = new Rule();
        rule.setType(RuleType.COMPATIBILITY);
        rule.setConfig(COMPATIBILITY);
        try (RegistryClient client = ConfiguredClient.connect(registryApiUrl, clientSettings)) {
            try {
                client.updateGlobalRuleConfig(RuleType.COMPATIBILITY, rule);
            } catch (RuleNotFoundException e) {
                // No global rule yet: create it.
                client.createGlobalRule(rule);
            }
            LOG.info("Schema registry {}: global compatibility rule is {}", registryApiUrl, COMPATIBILITY);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot set the global compatibility rule of the schema registry at " + registryApiUrl
                    + " to " + COMPATIBILITY + ": " + describe(e), e);
        }
    }

    /** The registry client's errors often carry their point only in the class name (NotAuthorizedException, …). */
    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            if (s.length() > 0) {
                s.append(" <- ");
            }
            s.append(t.getClass().getSimpleName());
            if (t instanceof RestClientException r && r.getError() != null) {
                // What the registry answered (or, for a connection failure, the client's own error): HTTP code and name.
                Error error = r.getError();
                appendIfPresent(s, error.getErrorCode() == null || error.getErrorCode() == 0 ? null : "HTTP " + error.getErrorCode());
                appendIfPresent(s, error.getName());
                appendIfPresent(s, error.getMessage());
            } else {
                appendIfPresent(s, t.getMessage());
            }
        }
        return s.toString();
    }

    private static void appendIfPresent(StringBuilder s, String part) {
        if (part != null && !part.isBlank()) {
            s.append(' ').append(part);
        }
    }

    /**
     * Apicurio builds its client, with the authentication the settings ask for, inside the schema resolver of the
     * serdes, and exposes it only to subclasses: reusing that code keeps one reading of the auth settings.
     */
    private static final class ConfiguredClient extends DefaultSchemaResolver<Object, Object> {

        static RegistryClient connect(String registryApiUrl, Map<String, ?> clientSettings) {
            Map<String, Object> settings = new HashMap<>(clientSettings);
            settings.put(SerdeConfig.REGISTRY_URL, registryApiUrl);
            ConfiguredClient resolver = new ConfiguredClient();
            resolver.configure(settings, null); // no schema is parsed: only the client is used
            return resolver.client;
        }
    }
}
