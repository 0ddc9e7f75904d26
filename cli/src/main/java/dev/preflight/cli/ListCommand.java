package dev.preflight.cli;

import dev.preflight.ProbeCatalog;
import dev.preflight.ProbeLoadFailure;
import dev.preflight.probe.Probe;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code preflight list}: every probe on the class path. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every probe found on the class path: id, target kind, whether it writes, title.")
final class ListCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    ListCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ProbeCatalog catalog = ProbeCatalog.discover(PreflightCommand.class.getClassLoader());
        int idWidth = catalog.ids().stream().mapToInt(String::length).max().orElse(2);
        out.printf("%-" + idWidth + "s  %-8s  %-6s  %s%n", "ID", "KIND", "WRITES", "TITLE");
        for (Probe p : catalog.probes()) {
            out.printf("%-" + idWidth + "s  %-8s  %-6s  %s%n", p.id(), p.targetKind().label(),
                    p.writes() ? "yes" : "no", p.title());
        }
        for (ProbeLoadFailure f : catalog.failures()) {
            err.println("preflight: probe provider " + f.provider() + " from " + f.location() + " failed to load: "
                    + f.problem());
        }
        return catalog.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
