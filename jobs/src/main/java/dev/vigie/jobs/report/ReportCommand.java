package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.EsClients;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.WatchFilesOption;
import dev.vigie.jobs.mail.Delivery;
import dev.vigie.jobs.mail.MailDeliveryException;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vigie report --watch FILE [--week 2026-W47] [--out DIR] [--no-email]}: writes the weekly competitive
 * report of each watch as HTML and PDF and emails it to {@code report.weekly.to}.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the weekly competitive veille report (HTML and PDF) of each watch and email it to"
                    + " report.weekly.to (HTML body, PDF attached).",
            "The week defaults to the last complete ISO week in the watch's time zone."
        },
        footer = {
            "",
            "Exit codes: 0 reports written (and sent), 1 Elasticsearch or mail failed, 2 bad usage,"
                    + " 3 a watch file was refused."
        })
public final class ReportCommand implements Callable<Integer> {

    /** Default output folder, relative to the working directory. */
    public static final Path DEFAULT_OUT = Path.of("reports");

    @Spec
    CommandSpec spec;

    @Mixin
    WatchFilesOption watches;

    @Option(
            names = "--week",
            paramLabel = "YYYY-Www",
            converter = WeekConverter.class,
            description = "ISO week to report on, e.g. 2026-W47 (default: the last complete week).")
    IsoWeek week;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder the reports are written to (default: reports).")
    Path out = DEFAULT_OUT;

    @Option(names = "--no-email", description = "Only write the files; send nothing.")
    boolean noEmail;

    private final Clock clock;

    public ReportCommand() {
        this(Clock.systemUTC());
    }

    /** For tests: "last complete week" relative to {@code clock}. */
    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    /** A malformed week is a usage error (exit code 2), reported by picocli with the option's name. */
    static final class WeekConverter implements ITypeConverter<IsoWeek> {
        @Override
        public IsoWeek convert(String value) {
            try {
                return IsoWeek.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws InvalidWatchException {
        List<Watch> all = watches.load();
        PrintWriter stdout = spec.commandLine().getOut();
        for (Watch watch : all) {
            IsoWeek reportWeek = week != null ? week : IsoWeek.lastCompleted(clock, watch.timezone());
            WeeklyReport.ReportFiles files;
            try (ElasticsearchClient client = EsClients.create(
                    watch.elasticsearch().url(), watch.elasticsearch().apiKey().reveal())) {
                files = WeeklyReport.generate(watch, reportWeek, client, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the Elasticsearch client", e);
            }
            stdout.println("Report of '" + watch.id() + "' for " + reportWeek + ": " + files.html() + ", " + files.pdf()
                    + " (" + files.report().data().totals().mentions() + " mentions)");
            if (noEmail) {
                continue;
            }
            List<String> to = watch.report().map(r -> r.to()).orElse(List.of());
            if (to.isEmpty()) {
                stdout.println("Not emailed: watch '" + watch.id() + "' has no report.weekly.to");
                continue;
            }
            try {
                Delivery delivery = WeeklyReport.email(watch, files, to);
                stdout.println("Emailed to " + String.join(", ", to)
                        + delivery.file().map(f -> " (outbox: " + f + ")").orElse(""));
            } catch (MailDeliveryException e) {
                throw new IllegalStateException(
                        "report of '" + watch.id() + "' written but not emailed: " + e.getMessage(), e);
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
