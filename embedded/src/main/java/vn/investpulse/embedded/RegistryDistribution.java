package vn.investpulse.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Finds the unpacked Apicurio Registry distribution (runner jar + lib/). In order:
 * <ol>
 *   <li>the environment variable {@code PULSE_REGISTRY_HOME};</li>
 *   <li>the directory this module's build unpacked it to (baked into {@code embedded.properties});</li>
 *   <li>the distribution tarball in the local Maven repository, unpacked once into
 *       {@code ~/.cache/invest-pulse/} (so a {@code mvn clean} of this module does not break others).</li>
 * </ol>
 */
public final class RegistryDistribution {

    public static final String HOME_ENV = "PULSE_REGISTRY_HOME";
    private static final String PROPERTIES = "/embedded.properties";

    private final Path home;
    private final String version;

    private RegistryDistribution(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    public static RegistryDistribution locate() {
        Properties built = builtProperties();
        String version = built.getProperty("registry.version", "2.6.13.Final");
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) {
            RegistryDistribution fromEnv = new RegistryDistribution(Path.of(env.trim()).toAbsolutePath(), version);
            if (fromEnv.runnerJar().isEmpty()) {
                throw new IllegalStateException(HOME_ENV + "=" + env + " holds no apicurio-registry-app-*-runner.jar");
            }
            return fromEnv;
        }
        String builtHome = built.getProperty("registry.home");
        if (builtHome != null && !builtHome.contains("${")) {
            RegistryDistribution fromBuild = new RegistryDistribution(Path.of(builtHome), version);
            if (fromBuild.runnerJar().isPresent()) {
                return fromBuild;
            }
        }
        return unpackFromLocalRepository(version);
    }

    public Path home() {
        return home;
    }

    public String version() {
        return version;
    }

    /** The runner jar to start with {@code java -jar}. */
    public Path requireRunnerJar() {
        return runnerJar().orElseThrow(() -> new IllegalStateException("no Apicurio runner jar in " + home));
    }

    private Optional<Path> runnerJar() {
        Path jar = home.resolve("apicurio-registry-app-" + version + "-runner.jar");
        return Files.isRegularFile(jar) && Files.isDirectory(home.resolve("lib")) ? Optional.of(jar) : Optional.empty();
    }

    private static Properties builtProperties() {
        Properties props = new Properties();
        try (InputStream in = RegistryDistribution.class.getResourceAsStream(PROPERTIES)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTIES, e);
        }
        return props;
    }

    private static RegistryDistribution unpackFromLocalRepository(String version) {
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path tarball = Path.of(repo, "io", "apicurio", "apicurio-registry-app", version,
                "apicurio-registry-app-" + version + "-all.tar.gz");
        Path target = Path.of(System.getProperty("user.home"), ".cache", "invest-pulse", "apicurio-registry-" + version);
        RegistryDistribution cached = new RegistryDistribution(target, version);
        if (cached.runnerJar().isPresent()) {
            return cached;
        }
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("Apicurio Registry " + version + " not found: build the embedded module"
                    + " (./mvnw -pl embedded install) or set " + HOME_ENV + " to an unpacked distribution");
        }
        try {
            Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
            Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new IllegalStateException("cannot unpack " + tarball + " with tar");
            }
            Files.move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + tarball, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking " + tarball, e);
        }
        return cached;
    }
}
