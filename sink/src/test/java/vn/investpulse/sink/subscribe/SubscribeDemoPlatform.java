package vn.investpulse.sink.subscribe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.sink.support.Fixtures;
import vn.investpulse.sink.support.SinkHarness;

/**
 * Not a test: an embedded broker and registry with one indicator and one alert on the pipeline's topics, to try
 * the subscriber command of README-SUBSCRIBE.md without the whole pipeline. Arguments: Kafka port, registry port.
 *
 * <pre>
 * ./mvnw -q -o -pl sink test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.investpulse.sink.subscribe.SubscribeDemoPlatform -Dexec.args="19092 18081"
 * </pre>
 */
public final class SubscribeDemoPlatform {

    public static void main(String[] args) throws Exception {
        int kafkaPort = args.length > 0 ? Integer.parseInt(args[0]) : 19092;
        int registryPort = args.length > 1 ? Integer.parseInt(args[1]) : 18081;
        Path dir = Files.createTempDirectory("pulse-subscribe-demo-");
        EmbeddedPlatform platform = new EmbeddedPlatform(dir, kafkaPort, registryPort, 3);
        platform.start();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        try (SinkHarness harness = new SinkHarness(platform)) {
            harness.send(Fixtures.q1Fdi2024());
            harness.send(Fixtures.fdi2023Reached100(AlertState.FIRING, Instant.parse("2023-11-30T17:05:01Z")));
            harness.flush();
        }
        System.out.println("READY bootstrap=" + platform.bootstrapServers() + " schema.registry.url=" + platform.ccompatUrl());
        new CountDownLatch(1).await();
    }
}
