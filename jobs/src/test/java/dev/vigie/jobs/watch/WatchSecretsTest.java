package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A secret that reaches a field other than {@code api_key} or {@code password} through {@code ${VAR}} (a password
 * written into a URL, a variable used by mistake in {@code mail.from}) appears in no error and no
 * {@code toString()}: messages show the {@code ${VAR}} reference as written in the file.
 */
class WatchSecretsTest {
    private static final String ES_PASSWORD = "hunter2-elastic-pw";
    private static final String SMTP_PASSWORD = "hunter2-smtp-pw";
    private static final Map<String, String> ENV = Map.of("ES_PASSWORD", ES_PASSWORD, "SMTP_PASSWORD", SMTP_PASSWORD);
    private static final String HEAD = "watch: acme\nbrand: Acme\n";

    private final WatchLoader loader = new WatchLoader(ENV);

    private InvalidWatchException refused(String yaml) {
        InvalidWatchException e =
                catchThrowableOfType(InvalidWatchException.class, () -> loader.parse("w.yaml", HEAD + yaml));
        assertThat(e).as("expected the watch to be refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain(ES_PASSWORD).doesNotContain(SMTP_PASSWORD);
        return e;
    }

    @Test
    void refusesCredentialsInTheElasticsearchUrlPointingToApiKeyWithoutPrintingThem() {
        InvalidWatchException e =
                refused("elasticsearch:\n  url: \"http://elastic:${ES_PASSWORD}@es.internal:9200\"\n");

        assertThat(e.getMessage()).contains("w.yaml:4: elasticsearch.url: ").contains("api_key");
    }

    @Test
    void aSecretUsedAsTheSenderIsNotPrintedInTheError() {
        InvalidWatchException e = refused("mail:\n  from: \"${SMTP_PASSWORD}\"\n");

        assertThat(e.getMessage())
                .contains("w.yaml:4: mail.from: expected an email address")
                .contains("got '${SMTP_PASSWORD}'");
    }

    @Test
    void aSecretInsideAMalformedUrlIsNotPrintedInTheError() {
        InvalidWatchException smtp = refused("mail:\n  smtp: \"smtp://mail.example:${SMTP_PASSWORD}\"\n");
        assertThat(smtp.getMessage()).contains("w.yaml:4: mail.smtp: ");

        InvalidWatchException userInfo = refused("mail:\n  smtp: \"smtp://vigie:${SMTP_PASSWORD}@mail.example\"\n");
        assertThat(userInfo.getMessage()).contains("w.yaml:4: mail.smtp: must not carry credentials");

        InvalidWatchException es = refused("elasticsearch:\n  url: \"https://es.example/${ES_PASSWORD} x\"\n");
        assertThat(es.getMessage()).contains("w.yaml:4: elasticsearch.url: ");
    }

    @Test
    void aLoadedWatchPrintsNoSecret() throws Exception {
        Watch watch = loader.parse(
                "w.yaml",
                HEAD + "elasticsearch:\n  url: http://es.internal:9200\n"
                        + "  api_key: \"${ES_PASSWORD}\"\nmail:\n  smtp: smtp://mail.example:25\n  username: vigie\n"
                        + "  password: \"${SMTP_PASSWORD}\"\n  from: vigie@acme.example\n");

        assertThat(watch.elasticsearch().apiKey().reveal()).isEqualTo(ES_PASSWORD);
        assertThat(watch.toString()).doesNotContain(ES_PASSWORD).doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void aWatchBuiltInCodeRefusesCredentialsInTheElasticsearchUrl() {
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> new ElasticsearchSettings(
                        java.net.URI.create("http://elastic:" + ES_PASSWORD + "@es:9200"), Secret.NONE));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("api_key").doesNotContain(ES_PASSWORD);
    }
}
