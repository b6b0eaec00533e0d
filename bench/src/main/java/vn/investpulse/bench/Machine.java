package vn.investpulse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on: cores, memory, CPU model, JVM; and the resident memory of a process. */
final class Machine {

    private Machine() {
    }

    static List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("cores (nproc): " + Runtime.getRuntime().availableProcessors());
        memTotal().ifPresent(kb -> out.add(String.format(Locale.ROOT, "memory: %.1f GiB", kb / 1024.0 / 1024.0)));
        cpuModel().ifPresent(m -> out.add("cpu: " + m));
        out.add("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        out.add("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        out.add(String.format(Locale.ROOT, "load average at start: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return out;
    }

    /** Resident set size of a process in MiB, from {@code /proc/<pid>/status} (Linux). */
    static Optional<Double> rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Long> memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
