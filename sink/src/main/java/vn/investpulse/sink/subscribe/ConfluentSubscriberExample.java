package vn.investpulse.sink.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A subscriber of {@code pulse.indicators.v1} / {@code pulse.alerts.v1} that knows nothing of this project:
 * a plain KafkaConsumer of bytes that decodes the Confluent wire format the way every Confluent deserializer
 * (Java, librdkafka-based Python/Go/.NET, kcat built with Avro) does — magic byte 0, a 4-byte big-endian schema
 * id, then Avro binary — fetching the writer schema by id from the registry's Confluent-compatible API
 * {@code GET <schema.registry.url>/schemas/ids/{id}} (here {@code http://localhost:8081/apis/ccompat/v7}).
 * No generated classes: records come out as generic Avro, printed as JSON, one line per record.
 *
 * <pre>
 * ./mvnw -q -pl sink exec:java -Dexec.mainClass=vn.investpulse.sink.subscribe.ConfluentSubscriberExample \
 *   -Dexec.args="--bootstrap localhost:9092 --registry http://localhost:8081/apis/ccompat/v7 --topic pulse.indicators.v1 --max 10"
 * </pre>
 */
public final class ConfluentSubscriberExample {

    private static final byte MAGIC_BYTE = 0;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String schemaRegistryUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    /** Schemas never change under an id: fetch each once, as Confluent's CachedSchemaRegistryClient does. */
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final GenericData model = new GenericData();

    public ConfluentSubscriberExample(String schemaRegistryUrl) {
        this.schemaRegistryUrl = schemaRegistryUrl.replaceAll("/+$", "");
        // Show decimals, dates and timestamps as values rather than raw bytes and ints.
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    /** One decoded record: where it was, its key and value as JSON-like text, and the schema ids used. */
    public record Decoded(String topic, int partition, long offset, String key, String value, Integer keySchemaId, Integer valueSchemaId) {

        @Override
        public String toString() {
            return topic + "/" + partition + "@" + offset + " key=" + key + " value=" + value;
        }
    }

    /** Decodes Confluent wire-format bytes; anything without the magic byte is shown as UTF-8 text (String keys). */
    public Object decode(byte[] bytes) throws IOException, InterruptedException {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < 5 || bytes[0] != MAGIC_BYTE) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        int schemaId = buffer.getInt();
        Schema writer = schema(schemaId);
        GenericDatumReader<Object> reader = new GenericDatumReader<>(writer, writer, model);
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }

    static Integer schemaId(byte[] bytes) {
        return bytes != null && bytes.length >= 5 && bytes[0] == MAGIC_BYTE ? ByteBuffer.wrap(bytes, 1, 4).getInt() : null;
    }

    /** {@code GET /schemas/ids/{id}} → {@code {"schema": "<the Avro schema as a JSON string>"}}. */
    Schema schema(int id) throws IOException, InterruptedException {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(schemaRegistryUrl + "/schemas/ids/" + id))
                .timeout(HTTP_TIMEOUT).header("Accept", "application/vnd.schemaregistry.v1+json, application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("schema " + id + ": HTTP " + response.statusCode() + " from " + schemaRegistryUrl + ": " + response.body());
        }
        JsonNode body = json.readTree(response.body());
        Schema schema = new Schema.Parser().parse(body.get("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    /** Reads {@code topic} from the beginning until {@code max} records arrived or {@code timeout} passed. */
    public List<Decoded> read(String bootstrapServers, String topic, int max, Duration timeout, PrintStream out)
            throws IOException, InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "confluent-subscriber-example-" + Instant.now().toEpochMilli());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The processor and the alerts write in transactions: read only what they committed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Decoded> decoded = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (decoded.size() < max && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    Decoded d = new Decoded(r.topic(), r.partition(), r.offset(), String.valueOf(decode(r.key())),
                            String.valueOf(decode(r.value())), schemaId(r.key()), schemaId(r.value()));
                    decoded.add(d);
                    out.println(d);
                    if (decoded.size() >= max) {
                        break;
                    }
                }
            }
        }
        return decoded;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = arguments(args);
        String bootstrap = a.getOrDefault("--bootstrap", "localhost:9092");
        String registry = a.getOrDefault("--registry", "http://localhost:8081/apis/ccompat/v7");
        String topic = a.getOrDefault("--topic", "pulse.indicators.v1");
        int max = Integer.parseInt(a.getOrDefault("--max", "10"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(a.getOrDefault("--timeout-seconds", "30")));
        List<Decoded> got = new ConfluentSubscriberExample(registry).read(bootstrap, topic, max, timeout, System.out);
        System.err.println(got.size() + " record(s) from " + topic);
    }

    private static Map<String, String> arguments(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }
}
