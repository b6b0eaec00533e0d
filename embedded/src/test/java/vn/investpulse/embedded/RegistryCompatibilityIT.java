package vn.investpulse.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.RegistrationEvent;

/** The registry's global rule is BACKWARD, and it refuses a schema change that would break readers. */
@ExtendWith(EmbeddedPlatformExtension.class)
class RegistryCompatibilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void globalCompatibilityIsBackward(EmbeddedPlatform platform) throws Exception {
        HttpResponse<String> config = get(platform.ccompatUrl() + "/config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(config.body()).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        HttpResponse<String> rule = get(platform.registryApiUrl() + "/admin/rules/COMPATIBILITY");
        assertThat(rule.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rule.body()).get("config").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void aRequiredFieldWithoutDefaultIsRefusedButAnOptionalOneIsAccepted(EmbeddedPlatform platform) throws Exception {
        String subject = "compat-probe-" + UUID.randomUUID() + "-value";
        String v1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"vn.investpulse.test\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"}]}";
        String v2Breaking = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"vn.investpulse.test\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"zoneCode\",\"type\":\"string\"}]}";
        String v2Compatible = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"vn.investpulse.test\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"zoneCode\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

        assertThat(register(platform, subject, v1).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = register(platform, subject, v2Breaking);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(register(platform, subject, v2Compatible).statusCode()).isEqualTo(200);
    }

    @Test
    void anIncompatibleChangeToRegistrationEventIsRefused(EmbeddedPlatform platform) throws Exception {
        // Make sure the real subject exists: the serializer registers it on first use.
        var topic = platform.topics().registrations();
        RegistrationEvent event = RegistrationEvents.newProject("GCN-" + UUID.randomUUID(), "1000", 2);
        try (KafkaProducer<String, RegistrationEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                platform.serdes().keySerializer(topic), platform.serdes().valueSerializer(topic))) {
            producer.send(new ProducerRecord<>(topic.name(), event.getCertificateNo(), event)).get();
        }
        ObjectNode breaking = (ObjectNode) JSON.readTree(RegistrationEvent.getClassSchema().toString());
        breaking.withArray("fields").addObject().put("name", "projectNameVi").put("type", "string");

        HttpResponse<String> refused = register(platform, Topics.REGISTRATIONS + "-value", breaking.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    }

    private HttpResponse<String> register(EmbeddedPlatform platform, String subject, String schema) throws Exception {
        String body = JSON.writeValueAsString(Map.of("schema", schema));
        return http.send(HttpRequest.newBuilder(URI.create(platform.ccompatUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", SCHEMA_REGISTRY_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
