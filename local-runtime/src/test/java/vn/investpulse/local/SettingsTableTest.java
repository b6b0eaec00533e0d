package vn.investpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.investpulse.config.Setting;

/**
 * docs/settings.md (linked from the README) lists exactly the settings of the code, with their defaults and
 * descriptions. After changing a setting, regenerate it:
 * {@code ./mvnw -q -pl local-runtime test -Dtest=SettingsTableTest -Dpulse.regenerate=true}.
 */
class SettingsTableTest {

    private static final Pattern SECTION = Pattern.compile("^## (\\S+)$");
    private static final Pattern ROW = Pattern.compile("^\\| `(PULSE_[A-Z0-9_]+)` \\|");

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (the directory with mvnw)").isNotNull();
        return dir;
    }

    @Test
    void settingsDocumentMatchesTheCode() throws IOException {
        Path doc = repositoryRoot().resolve(SettingsCatalog.DOC);
        String expected = SettingsCatalog.markdown();
        if (Boolean.getBoolean("pulse.regenerate")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/settings.md; generate it with -Dpulse.regenerate=true").exists();
        String actual = Files.readString(doc, StandardCharsets.UTF_8);

        // First the clear message: which variables are missing from, or stale in, the document.
        Map<String, Set<String>> documented = documentedVariables(actual);
        for (SettingsCatalog.Service service : SettingsCatalog.services()) {
            Set<String> inDoc = documented.getOrDefault(service.name(), Set.of());
            Set<String> missing = new LinkedHashSet<>(service.envNames());
            missing.removeAll(inDoc);
            Set<String> stale = new LinkedHashSet<>(inDoc);
            stale.removeAll(service.envNames());
            assertThat(missing).as(service.name() + ": settings of the code missing from docs/settings.md (regenerate with -Dpulse.regenerate=true)").isEmpty();
            assertThat(stale).as(service.name() + ": settings in docs/settings.md the code no longer has (regenerate with -Dpulse.regenerate=true)").isEmpty();
        }
        // Then defaults and descriptions, word for word.
        assertThat(actual).as("docs/settings.md is stale (defaults or descriptions changed): regenerate with -Dpulse.regenerate=true")
                .isEqualTo(expected);
    }

    @Test
    void aVariableSharedByServicesMeansTheSameEverywhere() {
        Map<String, Setting<?>> seen = new HashMap<>();
        for (SettingsCatalog.Service service : SettingsCatalog.services()) {
            assertThat(service.envNames()).as(service.name() + " lists a setting twice").hasSameSizeAs(service.settings());
            for (Setting<?> setting : service.settings()) {
                assertThat(setting.description()).as(setting.env()).isNotBlank();
                Setting<?> other = seen.putIfAbsent(setting.env(), setting);
                if (other != null) {
                    assertThat(setting.defaultValue()).as(setting.env() + ": same default in every service reading it")
                            .isEqualTo(other.defaultValue());
                    assertThat(setting.secret()).as(setting.env() + ": secret in every service or in none").isEqualTo(other.secret());
                }
            }
        }
    }

    private static Map<String, Set<String>> documentedVariables(String markdown) {
        Map<String, Set<String>> bySection = new LinkedHashMap<>();
        String section = null;
        for (String line : markdown.split("\n")) {
            Matcher heading = SECTION.matcher(line);
            if (heading.matches()) {
                section = heading.group(1);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (section != null && row.find()) {
                bySection.computeIfAbsent(section, k -> new LinkedHashSet<>()).add(row.group(1));
            }
        }
        return bySection;
    }
}
