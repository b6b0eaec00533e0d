package vn.investpulse.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Reads the Avro contracts as they are in the working tree and as they were committed before, from git.
 * Files are parsed as a set, in the build's import order, because schemas refer to each other's types.
 */
final class SchemaHistory {

    /** The same order as the avro-maven-plugin imports: shared types first. */
    static final List<String> IMPORT_ORDER = List.of("Provenance.avsc", "RegistrationEvent.avsc", "IndicatorKey.avsc");

    private final Path repoRoot;
    private final String avroDir;

    SchemaHistory(Path repoRoot, String avroDir) {
        this.repoRoot = repoRoot;
        this.avroDir = avroDir;
    }

    /** Schema files of the working tree, by file name. */
    Map<String, String> current() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(repoRoot.resolve(avroDir))) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /**
     * The most recent committed version of {@code file} whose text differs from {@code currentText}, with the
     * whole schema set at that commit (so its references resolve); empty when the file has no earlier version.
     */
    Optional<Map<String, String>> previousSetOf(String file, String currentText) throws IOException {
        String path = avroDir + "/" + file;
        for (String commit : git("log", "--format=%H", "--", path).lines().toList()) {
            Optional<String> old = show(commit, path);
            if (old.isPresent() && !old.get().equals(currentText)) {
                return Optional.of(setAt(commit));
            }
        }
        return Optional.empty();
    }

    boolean available() {
        try {
            return !git("rev-parse", "--is-inside-work-tree").isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    static Map<String, Schema> parse(Map<String, String> files) {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> parsed = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        IMPORT_ORDER.stream().filter(files::containsKey).forEach(order::add);
        files.keySet().stream().filter(f -> !order.contains(f)).sorted().forEach(order::add);
        for (String f : order) {
            parsed.put(f, parser.parse(files.get(f)));
        }
        return parsed;
    }

    private Map<String, String> setAt(String commit) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : git("ls-tree", "--name-only", commit, avroDir + "/").lines().toList()) {
            if (name.endsWith(".avsc")) {
                show(commit, name).ifPresent(text -> files.put(Path.of(name).getFileName().toString(), text));
            }
        }
        return files;
    }

    private Optional<String> show(String commit, String path) throws IOException {
        try {
            return Optional.of(git("show", commit + ":" + path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String git(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(false).start();
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed");
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
