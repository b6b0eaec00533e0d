package vn.investpulse.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;

/**
 * Pins {@code topology.describe()}: processor, store and repartition names name changelog and repartition topics,
 * so a refactor that renames one silently loses state in production. If the change is intended, copy
 * {@code target/topology-description.actual.txt} over {@code src/test/resources/topology-description.txt}.
 */
class TopologyDescriptionTest {

    @Test
    void theTopologyIsPinned() throws IOException {
        // Serdes are only configured here, never called: no registry is contacted.
        String actual = ProcessorTopology.build(new Topics(3, (short) 1), new RegistrySerdes("http://127.0.0.1:9/apis/registry/v2"),
                Duration.ofMillis(500), Duration.ofMinutes(1)).describe().toString();
        Files.writeString(Path.of("target", "topology-description.actual.txt"), actual);
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/topology-description.txt")) {
            assertThat(in).as("src/test/resources/topology-description.txt").isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual.strip()).isEqualTo(expected.strip());
    }
}
