package vn.investpulse.ingest.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Import progress: a progress bar with rows/s and ETA on a terminal; plain periodic lines otherwise (CI
 * logs, pipes), which a bar's carriage returns would garble.
 */
interface Progress extends AutoCloseable {

    Duration PLAIN_EVERY = Duration.ofSeconds(2);

    void advance(long rows);

    @Override
    void close();

    static Progress create(String task, long total, PrintStream out, boolean terminal) {
        return terminal ? new Bar(task, total) : new Plain(task, total, out);
    }

    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" rows", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).build();
        }

        @Override
        public void advance(long rows) {
            bar.stepBy(rows);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    final class Plain implements Progress {
        private final String task;
        private final long total;
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long done;
        private long lastPrinted = System.nanoTime();

        Plain(String task, long total, PrintStream out) {
            this.task = task;
            this.total = total;
            this.out = out;
        }

        @Override
        public void advance(long rows) {
            done += rows;
            long now = System.nanoTime();
            if (now - lastPrinted >= PLAIN_EVERY.toNanos() || done >= total) {
                lastPrinted = now;
                out.println(line(now));
            }
        }

        String line(long now) {
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double rate = done / seconds;
            long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
            return String.format("%s: %,d/%,d rows (%d%%), %,.0f rows/s, ETA %s", task, done, total,
                    total == 0 ? 100 : done * 100 / total, rate, eta < 0 ? "?" : eta + "s");
        }

        @Override
        public void close() {
            // the last line was printed when done reached total
        }
    }
}
