package vn.investpulse.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives integration tests a real broker and a real registry: ONE {@link EmbeddedPlatform} per test
 * JVM, started on first use (temp data directory, free ports, 3 partitions), shared by every test
 * class, closed when the JUnit run ends.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedPlatformExtension.class)
 * class RegistrationsIT {
 *     @Test
 *     void roundTrip(EmbeddedPlatform platform) {
 *         String bootstrap = platform.bootstrapServers();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Tests share topics: use unique keys, ids or consumer group ids per test rather than expecting
 * empty topics.
 */
public final class EmbeddedPlatformExtension implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatformExtension.class);
    public static final int PARTITIONS = 3;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedPlatformExtension.class);
    private static final String KEY = "platform";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return platform(extensionContext);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot start the embedded platform: " + e.getMessage(), e);
        }
    }

    /** The shared platform, started on the first call in this JVM. */
    public static EmbeddedPlatform platform(ExtensionContext context) {
        // The root store lives as long as the whole test run; its AutoCloseable values are closed at its end.
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(KEY, key -> SharedPlatform.start(), SharedPlatform.class).platform();
    }

    /** The platform plus its temp directory, closed together (JUnit closes CloseableResource/AutoCloseable values). */
    static final class SharedPlatform implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final EmbeddedPlatform platform;
        private final Path dataDir;

        private SharedPlatform(EmbeddedPlatform platform, Path dataDir) {
            this.platform = platform;
            this.dataDir = dataDir;
        }

        static SharedPlatform start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("invest-pulse-it-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp data directory", e);
            }
            EmbeddedPlatform platform = new EmbeddedPlatform(dataDir, 0, 0, PARTITIONS);
            SharedPlatform shared = new SharedPlatform(platform, dataDir);
            // If JUnit never closes the store (JVM killed by a timeout), the registry's own hook still stops the child.
            platform.start();
            LOG.info("Shared test platform: Kafka {}, registry {} (data {})", platform.bootstrapServers(),
                    platform.registryUrl(), dataDir);
            return shared;
        }

        EmbeddedPlatform platform() {
            return platform;
        }

        @Override
        public void close() {
            try {
                platform.close();
            } finally {
                deleteRecursively(dataDir);
            }
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }
}
