package vn.investpulse.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Every contract must stay BACKWARD compatible with its previous committed version: a consumer built
 * with the new schema reads everything written with the old one. The registry enforces the same rule
 * at run time; this test catches a breaking change before it is ever deployed.
 */
class SchemaCompatibilityTest {

    private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String AVRO_DIR = "schemas/src/main/avro";

    @Test
    void everySchemaIsBackwardCompatibleWithItsPreviousCommittedVersion() throws Exception {
        SchemaHistory history = new SchemaHistory(REPO_ROOT, AVRO_DIR);
        assumeTrue(history.available(), "not a git checkout: no committed versions to compare with");

        Map<String, String> currentFiles = history.current();
        Map<String, Schema> current = SchemaHistory.parse(currentFiles);
        List<String> breaking = new ArrayList<>();
        int compared = 0;
        for (var file : currentFiles.entrySet()) {
            Optional<Map<String, String>> previousSet = history.previousSetOf(file.getKey(), file.getValue());
            if (previousSet.isEmpty() || !previousSet.get().containsKey(file.getKey())) {
                continue; // a new contract: nothing to be compatible with yet
            }
            Schema previous = SchemaHistory.parse(previousSet.get()).get(file.getKey());
            compared++;
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current.get(file.getKey()), previous);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                breaking.add(file.getKey() + ": " + result.getResult().getIncompatibilities());
            }
        }
        System.out.println("Compared " + compared + " changed schema(s) with their previous committed version");
        assertThat(breaking).as("schemas that break BACKWARD compatibility").isEmpty();
    }

    @Test
    void theCheckRefusesABreakingChange() {
        Schema v1 = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}""");
        Schema addsFieldWithoutDefault = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"int"}]}""");
        Schema addsFieldWithDefault = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"int","default":0}]}""");

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(addsFieldWithoutDefault, v1).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(addsFieldWithDefault, v1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void everySchemaParsesAndMatchesTheGeneratedClass() throws Exception {
        Map<String, Schema> current = SchemaHistory.parse(new SchemaHistory(REPO_ROOT, AVRO_DIR).current());
        assertThat(current).containsKeys("RegistrationEvent.avsc", "Zone.avsc", "FxRate.avsc", "PlanTarget.avsc",
                "IndicatorKey.avsc", "Indicator.avsc", "Alert.avsc", "DeadLetter.avsc");
        // The generated classes carry an extra avro.java.string property: compare parsing canonical forms.
        assertThat(canonical(current.get("RegistrationEvent.avsc"))).isEqualTo(canonical(RegistrationEvent.getClassSchema()));
        assertThat(canonical(current.get("Indicator.avsc"))).isEqualTo(canonical(Indicator.getClassSchema()));
        assertThat(canonical(current.get("Alert.avsc"))).isEqualTo(canonical(Alert.getClassSchema()));
    }

    private static String canonical(Schema schema) {
        return org.apache.avro.SchemaNormalization.toParsingForm(schema);
    }

    @Test
    void moneyIsNeverADouble() throws Exception {
        for (Schema schema : SchemaHistory.parse(new SchemaHistory(REPO_ROOT, AVRO_DIR).current()).values()) {
            assertNoFloatingPoint(schema, schema.getName());
        }
    }

    private static void assertNoFloatingPoint(Schema schema, String path) {
        switch (schema.getType()) {
            case DOUBLE, FLOAT -> throw new AssertionError(path + " is a floating-point number");
            case RECORD -> schema.getFields().forEach(f -> assertNoFloatingPoint(f.schema(), path + "." + f.name()));
            case UNION -> schema.getTypes().forEach(t -> assertNoFloatingPoint(t, path));
            case ARRAY -> assertNoFloatingPoint(schema.getElementType(), path + "[]");
            case MAP -> assertNoFloatingPoint(schema.getValueType(), path + "{}");
            default -> { }
        }
    }
}
