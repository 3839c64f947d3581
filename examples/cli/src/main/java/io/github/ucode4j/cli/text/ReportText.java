package io.github.ucode4j.cli.text;

import io.github.ucode4j.cli.Display;
import io.github.ucode4j.rendezvous.CpuLoadResult;
import io.github.ucode4j.rendezvous.LoadReport;
import io.github.ucode4j.rendezvous.RendezvousReport;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Prints a load report for people: per CPU the outcome with its revisions before and after, then the totals. */
public final class ReportText {
    private ReportText() {
    }

    /**
     * Prints {@code report}.
     *
     * @param report the load's report
     * @param out where to print, a line per {@code println}
     */
    public static void print(LoadReport report, PrintWriter out) {
        TextTable table = new TextTable("CPU", "VERDICT", "OUTCOME", "BEFORE", "AFTER", "MESSAGE");
        for (CpuLoadResult cpu : report.cpus()) {
            table.row(cpu.cpu(), cpu.verdict(), cpu.outcome(), Display.revision(cpu.before()), Display.revision(cpu.after()),
                    cpu.message());
        }
        table.print(out);
        out.println("outcomes: " + Display.counts(report.counts()) + (report.forced() ? " (forced)" : ""));
        report.rendezvous().ifPresent(rendezvous -> printRendezvous(rendezvous, out));
        report.system().ifPresent(system -> out.println("backend " + report.backend() + " reported " + system.outcome()
                + (system.errno().isPresent() ? " (errno " + system.errno().getAsInt() + ")" : "") + ": " + system.message()));
        out.println("revisions after the load: " + report.afterRevisionSources().entrySet().stream()
                .map(source -> source.getKey() + " (CPUs " + Display.cpus(source.getValue()) + ")")
                .collect(Collectors.joining("; ")));
        out.println("consistent: " + (report.consistent() ? "yes, every CPU of each signature runs the same revision"
                : "NO, CPUs of the same signature run different revisions"));
        out.println("result: " + (report.succeeded() ? "success" : "FAILED or partial"));
    }

    private static void printRendezvous(RendezvousReport rendezvous, PrintWriter out) {
        out.println("stopped window: " + rendezvous.stoppedWindow().map(Display::duration).orElse("none (the CPUs never all called in)")
                + ", call-in " + Display.duration(rendezvous.callIn())
                + (rendezvous.controlCpu().isPresent() ? ", control CPU " + rendezvous.controlCpu().getAsInt() : ""));
        rendezvous.abort().ifPresent(abort -> out.println("aborted: " + abort.cause() + ": " + abort.detail()));
        rendezvous.notes().forEach(note -> out.println("note: " + note));
    }
}
