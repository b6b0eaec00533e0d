package vn.investpulse.ingest.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import vn.investpulse.ingest.IngestMain;

/** Runs the CLI with given output streams, for tests and for embedding (e.g. the benchmark). */
public final class CliRunner {

    private CliRunner() {
    }

    /**
     * @param terminal whether to draw a progress bar (true) or print plain progress lines (false)
     * @return the exit code
     */
    public static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        CommandLine cli = new CommandLine(new IngestMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K instance = CommandLine.defaultFactory().create(cls);
                if (instance instanceof ImportCommand command) {
                    command.out = out;
                    command.err = err;
                    command.terminal = terminal;
                }
                return instance;
            }
        });
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli.execute(args);
    }
}
