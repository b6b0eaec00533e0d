package vn.investpulse.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.contracts.SchemaIdCachingDeserializer;
import vn.investpulse.contracts.TopicSpec;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertKind;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;
import vn.investpulse.schemas.Zone;
import vn.investpulse.schemas.ZoneKind;

/**
 * The cached deserializer that {@code RegistrySerdes} hands out decodes what the Apicurio deserializer decodes —
 * every topic's records, a record written with an older schema of the subject — and refuses what it refuses, with
 * the same exception. Each comparison runs after the schema id is cached, so the cached path is the one compared.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class SchemaIdCachingDeserializerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PROCESSED = Instant.parse("2026-03-14T16:30:00.123Z");

    @Test
    void everyTopicsRecordsDecodeAsTheRegistryDeserializerDecodesThem(EmbeddedPlatform platform) {
        Map<Class<?>, List<SpecificRecord>> samples = samples();
        for (TopicSpec<?, ?> topic : platform.topics().all()) {
            assertThat(samples).as("sample records of %s", topic.valueType().getSimpleName()).containsKey(topic.valueType());
            decodesLikeTheRegistry(platform, topic.name(), false, samples.get(topic.valueType()), platform.serdes().valueDeserializer(topic));
        }
        TopicSpec<IndicatorKey, Indicator> indicators = platform.topics().indicators();
        decodesLikeTheRegistry(platform, indicators.name(), true, samples.get(IndicatorKey.class),
                platform.serdes().keyDeserializer(indicators));
    }

    @Test
    void aRecordWrittenWithAnOlderSchemaOfTheSubjectDecodesAsTheRegistryDeserializerDecodesIt(EmbeddedPlatform platform) throws Exception {
        String topic = "evolution-probe-" + UUID.randomUUID();
        // An older producer: no currency field yet (today's schema gives it a default), and a field since dropped.
        Schema older = olderRegistrationSchema();
        RegistrationEvent current = RegistrationEvents.newProject("GCN-" + topic, "2500000.75", 7);
        byte[] olderBytes;
        try (AvroKafkaSerializer<GenericRecord> olderProducer = new AvroKafkaSerializer<>()) {
            olderProducer.configure(platform.serdes().clientConfig(), false);
            olderBytes = olderProducer.serialize(topic, asOlderRecord(older, current));
        }
        byte[] currentBytes = platform.serdes().registrySerializer(false).serialize(topic, current);
        assertThat(schemaId(olderBytes)).as("two versions of one subject").isNotEqualTo(schemaId(currentBytes));

        Deserializer<SpecificRecord> registry = platform.serdes().registryDeserializer(false);
        SchemaIdCachingDeserializer cached = cachedValueDeserializer(platform);
        RegistrationEvent expected = RegistrationEvent.newBuilder(current).setCurrency(null).build();
        for (int pass = 0; pass < 2; pass++) {
            assertThat(cached.deserialize(topic, olderBytes)).isEqualTo(registry.deserialize(topic, olderBytes)).isEqualTo(expected)
                    .hasToString(expected.toString());
            assertThat(cached.deserialize(topic, currentBytes)).isEqualTo(current).hasToString(current.toString());
        }
        assertThat(cached.caches(schemaId(olderBytes))).isTrue();
        assertThat(cached.caches(schemaId(currentBytes))).isTrue();
    }

    @Test
    void badBytesThrowWhatTheRegistryDeserializerThrows(EmbeddedPlatform platform) {
        String topic = Topics.REGISTRATIONS;
        Random random = new Random(20260314);
        byte[] good = platform.serdes().registrySerializer(false).serialize(topic, RegistrationEvents.newProject("GCN-garbage", "980000", 3));
        SchemaIdCachingDeserializer cached = cachedValueDeserializer(platform);
        cached.deserialize(topic, good);
        assertThat(cached.caches(schemaId(good))).as("the known id is on the cached path").isTrue();

        Map<String, byte[]> garbage = new LinkedHashMap<>();
        garbage.put("empty", new byte[0]);
        garbage.put("random bytes", withFirstByte(randomBytes(random, 4096), (byte) 0x5A));
        garbage.put("random bytes after a magic byte", withFirstByte(randomBytes(random, 4096), (byte) 0));
        garbage.put("shorter than the id", new byte[] {0, 0, 1});
        garbage.put("unknown schema id", withSchemaId(good, 0x7FFF_FFF0));
        garbage.put("only the magic byte and a known id", Arrays.copyOf(good, 5));
        garbage.put("truncated record", Arrays.copyOf(good, good.length / 2));
        garbage.put("cut one byte short", Arrays.copyOf(good, good.length - 1));
        byte[] huge = randomBytes(random, 900 * 1024);
        System.arraycopy(good, 0, huge, 0, 5);
        garbage.put("900 KB of noise behind a known id", huge);

        Deserializer<SpecificRecord> registry = platform.serdes().registryDeserializer(false);
        garbage.forEach((what, bytes) -> {
            Throwable expected = catchThrowable(() -> registry.deserialize(topic, bytes));
            assertThat(expected).as("%s: the registry deserializer refuses it", what).isNotNull();
            assertThat(catchThrowable(() -> cached.deserialize(topic, bytes))).as(what)
                    .isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
            assertThat(catchThrowable(() -> cached.deserialize(topic, new RecordHeaders(), bytes))).as("%s, with headers", what)
                    .isExactlyInstanceOf(catchThrowable(() -> registry.deserialize(topic, new RecordHeaders(), bytes)).getClass());
        });
        assertThat(cached.deserialize(topic, null)).isNull();
        assertThat(cached.caches(0x7FFF_FFF0)).isFalse();
        assertThat(cached.deserialize(topic, good)).as("still decodes good records").isEqualTo(registry.deserialize(topic, good));
    }

    @Test
    void threadsSharingOneDeserializerEachGetTheirRecords(EmbeddedPlatform platform) throws Exception {
        String topic = Topics.REGISTRATIONS;
        Serializer<SpecificRecord> serializer = platform.serdes().registrySerializer(false);
        List<RegistrationEvent> events = IntStream.range(0, 50)
                .mapToObj(i -> RegistrationEvents.newProject("GCN-thread-" + i, (i * 1000 + 1) + ".5", i)).toList();
        List<byte[]> bytes = events.stream().map(e -> serializer.serialize(topic, e)).toList();
        SchemaIdCachingDeserializer cached = cachedValueDeserializer(platform);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<SpecificRecord>>> readers = IntStream.range(0, 4).<Callable<List<SpecificRecord>>>mapToObj(t -> () -> {
                List<SpecificRecord> out = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    bytes.forEach(b -> out.add(cached.deserialize(topic, b)));
                }
                return out;
            }).toList();
            for (Future<List<SpecificRecord>> result : threads.invokeAll(readers)) {
                List<SpecificRecord> decoded = result.get();
                for (int i = 0; i < decoded.size(); i++) {
                    assertThat(decoded.get(i)).isEqualTo(events.get(i % events.size()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(cached.caches(schemaId(bytes.get(0)))).isTrue();
    }

    /** Each record decoded by the cached deserializer — first through the registry, then on the cached path. */
    private static void decodesLikeTheRegistry(EmbeddedPlatform platform, String topic, boolean isKey, List<SpecificRecord> records,
                                               Deserializer<?> fromSerdes) {
        assertThat(fromSerdes).as("what RegistrySerdes hands out for %s", topic).isInstanceOf(SchemaIdCachingDeserializer.class);
        SchemaIdCachingDeserializer cached = (SchemaIdCachingDeserializer) fromSerdes;
        Serializer<SpecificRecord> serializer = platform.serdes().registrySerializer(isKey);
        Deserializer<SpecificRecord> registry = platform.serdes().registryDeserializer(isKey);
        for (SpecificRecord record : records) {
            byte[] bytes = serializer.serialize(topic, record);
            SpecificRecord reference = registry.deserialize(topic, bytes);
            assertThat(reference).isEqualTo(record);
            for (int pass = 0; pass < 2; pass++) {
                // toString shows every field as decoded, decimal scales included.
                assertThat(cached.deserialize(topic, bytes)).as("%s, pass %d", topic, pass).isEqualTo(reference)
                        .hasToString(reference.toString());
                assertThat(cached.deserialize(topic, new RecordHeaders(), bytes)).isEqualTo(reference);
            }
            assertThat(cached.caches(schemaId(bytes))).as("%s: schema id cached", topic).isTrue();
        }
    }

    private static SchemaIdCachingDeserializer cachedValueDeserializer(EmbeddedPlatform platform) {
        return (SchemaIdCachingDeserializer) (Deserializer<?>) platform.serdes().valueDeserializer(platform.topics().registrations());
    }

    /** Realistic records of every type the topics carry, with optional fields both set and left empty. */
    private static Map<Class<?>, List<SpecificRecord>> samples() {
        Map<Class<?>, List<SpecificRecord>> samples = new LinkedHashMap<>();
        RegistrationEvent project = RegistrationEvents.newProject("GCN-2134567890", "35000000.123456", 12);
        RegistrationEvent termination = RegistrationEvent.newBuilder(project).setEventId(UUID.randomUUID().toString())
                .setEventType(EventType.TERMINATION).setAmount(null).setCurrency(null)
                .setSource(Provenance.newBuilder().setConnector("http").build()).build();
        samples.put(RegistrationEvent.class, List.of(project, termination));
        samples.put(DeadLetter.class, List.of(
                DeadLetter.newBuilder().setStage("processor").setSourceTopic(Topics.REGISTRATIONS).setSourcePartition(2)
                        .setSourceOffset(41_377L).setRawBytes(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 7, 1, 2, 3}))
                        .setReason("Unknown magic byte!").setReasonVi("Không giải mã được bản ghi")
                        .setErrorClass("org.apache.kafka.common.errors.SerializationException").setTimestamp(PROCESSED).build(),
                DeadLetter.newBuilder().setStage("ingest").setConnector("csv-import").setFile("dang-ky-2026-03.csv").setLine(118L)
                        .setEventId("E-118").setRawText("GCN-1;NEW;FDI;;KR;DEEP_C;C26;-5;USD")
                        .setReason("amount must be positive").setTimestamp(PROCESSED).build()));
        samples.put(Zone.class, List.of(
                Zone.newBuilder().setCode("DEEP_C").setNameVi("KCN Đình Vũ (DEEP C)").setNameEn("Dinh Vu Industrial Park (DEEP C)")
                        .setKind(ZoneKind.KCN).setValidFrom(LocalDate.of(2008, 7, 1)).build(),
                Zone.newBuilder().setCode("KKT_DINH_VU_CAT_HAI").setNameVi("KKT Đình Vũ – Cát Hải").setNameEn("Dinh Vu – Cat Hai Economic Zone")
                        .setKind(ZoneKind.KKT).setValidFrom(LocalDate.of(2008, 1, 1)).setValidTo(LocalDate.of(2030, 12, 31)).build()));
        samples.put(FxRate.class, List.of(
                new FxRate("USD", LocalDate.of(2026, 1, 2), new BigDecimal("25120.000000")),
                new FxRate("JPY", LocalDate.of(2026, 1, 2), new BigDecimal("161.234567"))));
        samples.put(PlanTarget.class, List.of(
                new PlanTarget(CapitalSource.FDI, 2026, new BigDecimal("3500000000.000000"), "USD", null),
                new PlanTarget(CapitalSource.DDI, 2026, new BigDecimal("120000000000000.000000"), "VND", "DEEP_C")));
        samples.put(Indicator.class, List.of(indicator(true), indicator(false)));
        samples.put(Alert.class, List.of(
                Alert.newBuilder().setId("PLAN_THRESHOLD:FDI:TOTAL:2026:50").setKind(AlertKind.PLAN_THRESHOLD).setState(AlertState.FIRING)
                        .setSource(CapitalSource.FDI).setScope("TOTAL").setYear(2026).setThresholdPct(new BigDecimal("50.00"))
                        .setProgressPct(new BigDecimal("51.37")).setPlanAmount(new BigDecimal("3500000000.000000")).setPlanCurrency("USD")
                        .setEventId("E-9").setCertificateNo("GCN-2134567890").setEventTime(Instant.parse("2026-03-14T16:30:00Z"))
                        .setProcessedAt(PROCESSED).setMessageVi("Vốn FDI đã đạt 51,37% kế hoạch năm 2026")
                        .setMessageEn("FDI capital reached 51.37% of the 2026 plan").build(),
                Alert.newBuilder().setId("PLAN_PACE:DDI:DEEP_C:2026:0.8").setKind(AlertKind.PLAN_PACE).setState(AlertState.RESOLVED)
                        .setSource(CapitalSource.DDI).setScope("DEEP_C").setYear(2026).setThresholdPct(new BigDecimal("16.44"))
                        .setProgressPct(new BigDecimal("17.02")).setPlanAmount(new BigDecimal("120000000000000.000000")).setPlanCurrency("VND")
                        .setProcessedAt(PROCESSED).setMessageVi("Tiến độ đã trở lại").setMessageEn("Back on pace").build()));
        samples.put(IndicatorKey.class, List.of(
                new IndicatorKey(IndicatorSource.FDI, Dimension.ZONE, "DEEP_C", PeriodKind.MONTH, "2026-03"),
                new IndicatorKey(IndicatorSource.ALL, Dimension.TOTAL, "", PeriodKind.YEAR, "2026")));
        return samples;
    }

    private static Indicator indicator(boolean withPlan) {
        BigDecimal usd = new BigDecimal("35000000.123456");
        BigDecimal vnd = new BigDecimal("879200003101.214720");
        return Indicator.newBuilder().setSource(IndicatorSource.FDI).setDimension(Dimension.ZONE).setDimensionValue("DEEP_C")
                .setPeriodKind(PeriodKind.MONTH).setPeriodId("2026-03").setPeriodStart(LocalDate.of(2026, 3, 1))
                .setPeriodEnd(LocalDate.of(2026, 3, 31)).setNewProjects(3).setCapitalIncreases(1).setCapitalDecreases(0)
                .setSharePurchases(2).setTerminations(withPlan ? 0 : 1).setNewCapitalUsd(usd).setNewCapitalVnd(vnd)
                .setAdjustedCapitalUsd(new BigDecimal("1200000.000000")).setAdjustedCapitalVnd(new BigDecimal("30144000000.000000"))
                .setSharePurchaseCapitalUsd(new BigDecimal("0.000001")).setSharePurchaseCapitalVnd(new BigDecimal("0.025120"))
                .setTotalCapitalUsd(usd).setTotalCapitalVnd(vnd)
                .setPlanAmount(withPlan ? new BigDecimal("3500000000.000000") : null).setPlanCurrency(withPlan ? "USD" : null)
                .setPlanProgressPct(withPlan ? new BigDecimal("1.00") : null).setYoyGrowthPct(withPlan ? new BigDecimal("-12.50") : null)
                .setCumulativeProjects(412).setCumulativeCapitalUsd(new BigDecimal("18250000000.500000"))
                .setCumulativeCapitalVnd(new BigDecimal("458440000012560.000000")).setAsOf(PROCESSED)
                .setLastIngestedAt(withPlan ? PROCESSED.minusMillis(850) : null).setLastEventId(withPlan ? "E-9" : null)
                .setLastCertificateNo(withPlan ? "GCN-2134567890" : null).build();
    }

    /** Today's RegistrationEvent without its currency field, and with a field that was later dropped. */
    private static Schema olderRegistrationSchema() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(RegistrationEvent.getClassSchema().toString());
        ArrayNode fields = schema.withArray("fields");
        for (int i = 0; i < fields.size(); i++) {
            if ("currency".equals(fields.get(i).get("name").asText())) {
                fields.remove(i);
            }
        }
        fields.addObject().put("name", "projectNameVi").put("type", "string");
        return new Schema.Parser().parse(schema.toString());
    }

    /** {@code event} as the older producer wrote it: plain Avro values, no logical-type classes. */
    private static GenericRecord asOlderRecord(Schema older, RegistrationEvent event) {
        Schema decimal = older.getField("amount").schema().getTypes().get(1);
        GenericData.Record source = new GenericData.Record(older.getField("source").schema());
        source.put("connector", event.getSource().getConnector());
        source.put("file", event.getSource().getFile());
        source.put("line", event.getSource().getLine());
        GenericData.Record record = new GenericData.Record(older);
        record.put("eventId", event.getEventId());
        record.put("certificateNo", event.getCertificateNo());
        record.put("eventType", new GenericData.EnumSymbol(older.getField("eventType").schema(), event.getEventType().name()));
        record.put("capitalSource", new GenericData.EnumSymbol(older.getField("capitalSource").schema(), event.getCapitalSource().name()));
        record.put("investorName", event.getInvestorName());
        record.put("investorCountry", event.getInvestorCountry());
        record.put("zoneCode", event.getZoneCode());
        record.put("sectorCode", event.getSectorCode());
        record.put("amount", new Conversions.DecimalConversion().toBytes(event.getAmount(), decimal, LogicalTypes.fromSchema(decimal)));
        record.put("effectiveAt", event.getEffectiveAt().toEpochMilli());
        record.put("effectiveDate", (int) event.getEffectiveDate().toEpochDay());
        record.put("source", source);
        record.put("ingestedAt", event.getIngestedAt().toEpochMilli());
        record.put("projectNameVi", "Nhà máy linh kiện điện tử Hàn Việt");
        return record;
    }

    private static int schemaId(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    private static byte[] withSchemaId(byte[] framed, int id) {
        byte[] copy = framed.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(id);
        return copy;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static byte[] withFirstByte(byte[] bytes, byte first) {
        bytes[0] = first;
        return bytes;
    }
}
