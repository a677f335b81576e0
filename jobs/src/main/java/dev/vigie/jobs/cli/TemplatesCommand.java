package dev.vigie.jobs.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.EsClients;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.jobs.watch.ElasticsearchSettings;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.WatchLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie templates install}: puts Vigie's index templates into an Elasticsearch cluster. */
@Command(
        name = "templates",
        mixinStandardHelpOptions = true,
        description = "Manage Vigie's Elasticsearch index templates.",
        subcommands = TemplatesCommand.Install.class)
public final class TemplatesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Environment variable holding the API key used with {@code --es}. */
    public static final String API_KEY_ENV = "VIGIE_ES_API_KEY";

    @Command(
            name = "install",
            mixinStandardHelpOptions = true,
            description = {
                "Create or update the index templates (and the mappings of existing indices).",
                "Idempotent: run it again after an upgrade. The run job also does it at start."
            },
            footer = {
                "",
                "With --es, the API key (if any) is read from $" + API_KEY_ENV + ".",
                "Exit codes: 0 installed, 1 Elasticsearch unreachable or refused, 2 bad usage, 3 watch refused."
            })
    static final class Install implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true)
        Target target = new Target();

        static final class Target {
            @Option(
                    names = "--es",
                    paramLabel = "URL",
                    description = "Elasticsearch URL (default: ${DEFAULT-VALUE}).",
                    defaultValue = "http://localhost:9200")
            URI es;

            @Option(
                    names = {"-w", "--watch"},
                    paramLabel = "FILE",
                    description = "Take the Elasticsearch URL and API key from this watch file.")
            Path watch;
        }

        @Override
        public Integer call() throws IOException, InvalidWatchException {
            ElasticsearchSettings settings;
            if (target.watch != null) {
                settings = WatchLoader.fromEnvironment().load(target.watch).elasticsearch();
            } else {
                URI url = target.es == null ? ElasticsearchSettings.DEFAULT_URL : target.es;
                settings = new ElasticsearchSettings(
                        url, dev.vigie.jobs.watch.Secret.of(System.getenv().getOrDefault(API_KEY_ENV, "")));
            }
            PrintWriter out = spec.commandLine().getOut();
            ElasticsearchClient client = EsClients.create(
                    settings.url(),
                    settings.apiKey().isPresent() ? settings.apiKey().reveal() : null);
            try {
                for (IndexTemplates.Installed installed : IndexTemplates.installAll(client)) {
                    out.printf(
                            "%-20s %s%s%n",
                            installed.name(),
                            installed.outcome().name().toLowerCase(),
                            installed.indicesUpdated().isEmpty()
                                    ? ""
                                    : " (mappings updated: " + String.join(", ", installed.indicesUpdated()) + ")");
                }
                out.println("Templates installed in " + settings.url());
            } finally {
                client._transport().close();
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
