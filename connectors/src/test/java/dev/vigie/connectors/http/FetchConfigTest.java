package dev.vigie.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FetchConfigTest {

    private static void refused(UnaryOperator<FetchConfig.Builder> setting, String named) {
        assertThatThrownBy(() -> setting.apply(FetchConfig.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }

    @Test
    void defaultsAreTheNamedConstants() {
        FetchConfig c = FetchConfig.builder().build();
        assertThat(c.connectTimeout()).isEqualTo(FetchConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(c.maxBodyBytes()).isEqualTo(FetchConfig.DEFAULT_MAX_BODY_BYTES);
        assertThat(c.perHostConcurrency()).isEqualTo(FetchConfig.DEFAULT_PER_HOST_CONCURRENCY);
        assertThat(c.allowPrivateAddresses()).isFalse();
        assertThat(c.honourRobots()).isTrue();
        assertThat(c.userAgent()).isEqualTo("Vigie/0.1 (+" + FetchConfig.DEFAULT_CONTACT_URL + ")");
    }

    @Test
    void refusesEveryBadSettingNamingIt() {
        refused(b -> b.contactUrl(" "), "contactUrl");
        refused(b -> b.contactUrl("not a url"), "not a url");
        refused(b -> b.contactUrl("/relative"), "/relative");
        refused(b -> b.connectTimeout(Duration.ZERO), "connectTimeout");
        refused(b -> b.requestTimeout(Duration.ofSeconds(-1)), "requestTimeout");
        refused(b -> b.maxBodyBytes(0), "maxBodyBytes");
        refused(b -> b.maxRedirects(-1), "maxRedirects");
        refused(b -> b.maxRedirects(21), "21");
        refused(b -> b.maxRetries(11), "maxRetries");
        refused(b -> b.retryBaseDelay(Duration.ofMillis(-5)), "retryBaseDelay");
        refused(b -> b.maxRetryAfter(Duration.ofMillis(-5)), "maxRetryAfter");
        refused(b -> b.maxConcurrency(0), "maxConcurrency");
        refused(b -> b.perHostConcurrency(0), "perHostConcurrency");
        refused(b -> b.maxConcurrency(4).perHostConcurrency(5), "perHostConcurrency");
        refused(b -> b.perHostMinDelay(Duration.ofMillis(-1)), "perHostMinDelay");
        refused(b -> b.robotsCacheTtl(Duration.ZERO), "robotsCacheTtl");
        refused(b -> b.privateHostsAllowed(Set.of("http://intranet/")), "http://intranet/");
    }

    @Test
    void isSerialisableForShippingToWorkers() throws Exception {
        FetchConfig c = FetchConfig.builder()
                .privateHostsAllowed(Set.of("Intranet.Local"))
                .build();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(c);
            out.writeObject(
                    FetchRequest.conditional("https://a.example/feed", Purpose.FEED, new Validators("\"e\"", null)));
        }
        assertThat(c.privateHostsAllowed()).containsExactly("intranet.local");
    }

    @Test
    void requestsRefuseWhatIsNotAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> FetchRequest.of("ftp://a.example/x", Purpose.FEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://a.example/x");
        assertThatThrownBy(() -> FetchRequest.of("/feed.xml", Purpose.FEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/feed.xml");
        assertThatThrownBy(() -> FetchRequest.of("http://bad host/", Purpose.FEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad host");
    }
}
