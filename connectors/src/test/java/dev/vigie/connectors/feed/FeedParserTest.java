package dev.vigie.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.SourceType;
import dev.vigie.connectors.testing.Fixtures;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static final Instant FETCHED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String FEED_URL = "https://news.example/rss/fr.xml";
    private final FeedParser parser = new FeedParser();

    private FeedResult parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private FeedResult parse(byte[] body, String contentType) {
        return parser.parse(body, contentType, FEED_URL, URI.create(FEED_URL), null, FETCHED);
    }

    private static FeedResult.Parsed parsed(FeedResult r) {
        assertThat(r).isInstanceOf(FeedResult.Parsed.class);
        return (FeedResult.Parsed) r;
    }

    @Test
    void mapsRssItemsToMentionsWithCanonicalUrlsPlainTextAuthorAndUtcDates() {
        FeedResult.Parsed feed = parsed(parse(Fixtures.rss("Actualités", 2)));

        assertThat(feed.wellFormed()).isTrue();
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.lang()).isEqualTo("fr");
        Mention m = feed.mentions().get(0);
        assertThat(m.url()).isEqualTo("https://news.example/articles/1?id=1");
        assertThat(m.id()).startsWith("url:").hasSize(4 + 64);
        assertThat(m.title()).isEqualTo("Article 1 — café");
        assertThat(m.text()).isEqualTo("Texte 1").doesNotContain("alert").doesNotContain("p{}");
        assertThat(m.author().name()).isEqualTo("La Rédaction");
        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2025-06-02T23:00:00Z"));
        assertThat(m.publishedEstimated()).isFalse();
        assertThat(m.lang()).isEqualTo("fr");
        assertThat(m.source().type()).isEqualTo(SourceType.FEED);
        assertThat(m.source().name()).isEqualTo("Actualités");
        assertThat(m.source().url()).isEqualTo(FEED_URL);
        assertThat(feed.mentions().get(1).id()).isNotEqualTo(m.id());
    }

    @Test
    void sameArticleThroughDifferentTrackingLinksGetsTheSameId() {
        String a = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                + "<link>https://News.Example:443/a?utm_medium=social&amp;utm_campaign=z#top</link></item>"
                + "</channel></rss>";
        String b = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                + "<link>https://news.example/a</link></item></channel></rss>";

        assertThat(parsed(parse(a)).mentions().get(0).id())
                .isEqualTo(parsed(parse(b)).mentions().get(0).id());
        assertThat(parsed(parse(a)).mentions().get(0).url()).isEqualTo("https://news.example/a");
    }

    @Test
    void readsAtomWithFallbackDateFlaggedWhenMissing() {
        String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xml:lang=\"en\"><title>Globex blog</title><id>urn:x</id><updated>2025-01-01T00:00:00Z</updated>"
                + "<entry><title type=\"html\">Launch of &lt;b&gt;Rocket&lt;/b&gt;</title><id>urn:1</id>"
                + "<link rel=\"alternate\" href=\"posts/rocket\"/><author><name>Ann</name></author>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Big</p><p>news</p></div>"
                + "</content></entry></feed>";

        Mention m = parsed(parse(atom)).mentions().get(0);

        assertThat(m.title()).isEqualTo("Launch of Rocket");
        assertThat(m.url()).isEqualTo("https://news.example/rss/posts/rocket");
        assertThat(m.text()).isEqualTo("Big\nnews");
        assertThat(m.author().name()).isEqualTo("Ann");
        assertThat(m.publishedAt()).isEqualTo(FETCHED);
        assertThat(m.publishedEstimated()).isTrue();
    }

    @Test
    void refusesExternalEntitiesWithAClearError() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";

        FeedResult r = parse(xxe);

        assertThat(r).isInstanceOfSatisfying(FeedResult.Rejected.class, rej -> {
            assertThat(rej.reason()).isEqualTo(FeedResult.Reason.UNSAFE);
            assertThat(rej.message()).contains("external entity 'xxe'").contains("XXE");
        });
    }

    @Test
    void refusesEntityExpansionBombsWithAClearError() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            bomb.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        String quadratic = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + "x".repeat(100_000) + "\">]>"
                + "<rss version=\"2.0\"><channel><title>" + "&a;".repeat(1000) + "</title></channel></rss>";

        assertThat(parse(bomb.toString())).isInstanceOfSatisfying(FeedResult.Rejected.class, rej -> {
            assertThat(rej.reason()).isEqualTo(FeedResult.Reason.UNSAFE);
            assertThat(rej.message()).contains("entity-expansion");
        });
        assertThat(parse(quadratic))
                .isInstanceOfSatisfying(
                        FeedResult.Rejected.class,
                        rej -> assertThat(rej.reason()).isEqualTo(FeedResult.Reason.UNSAFE));
    }

    @Test
    void expandsSimpleInternalEntitiesAsXmlDefinesThem() {
        String xml = "<!DOCTYPE rss [<!ENTITY site \"https://news.example\">]><rss version=\"2.0\"><channel>"
                + "<title>t</title><item><title>x</title><link>&site;/a</link></item></channel></rss>";

        FeedResult.Parsed feed = parsed(parse(xml));

        assertThat(feed.wellFormed()).isTrue();
        assertThat(feed.mentions().get(0).url()).isEqualTo("https://news.example/a");
    }

    @Test
    void recoversWhatAFeedReaderRecoversAndSaysSo() {
        String blankLineBeforeDeclaration = "\n\n" + Fixtures.rss("t", 1);
        String htmlEntities = "<rss version=\"2.0\"><channel><title>Caf&eacute; &amp; co</title><item>"
                + "<title>&laquo;Nouveau&raquo;&nbsp;produit</title><link>https://a.example/1</link></item>"
                + "</channel></rss>";
        byte[] latin1DeclaredUtf8 = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
                        + "<title>t</title><item><title>Crème brûlée</title><link>https://a.example/2</link></item>"
                        + "</channel></rss>")
                .getBytes(Charset.forName("ISO-8859-1"));
        String unclosed = "<rss version=\"2.0\"><channel><title>t</title><item><title>one</title>"
                + "<link>https://a.example/3</link></item><item><title>two<br></title></item></channel></rss>";

        FeedResult.Parsed a = parsed(parse(blankLineBeforeDeclaration));
        FeedResult.Parsed b = parsed(parse(htmlEntities));
        FeedResult.Parsed c = parsed(parse(latin1DeclaredUtf8, "application/rss+xml"));
        FeedResult.Parsed d = parsed(parse(unclosed));

        assertThat(a.mentions()).hasSize(1);
        assertThat(a.recoveries()).singleElement().asString().contains("before the XML declaration");
        assertThat(b.title()).isEqualTo("Café & co");
        assertThat(b.mentions().get(0).title()).isEqualTo("«Nouveau» produit");
        assertThat(b.recoveries()).isNotEmpty();
        assertThat(c.mentions().get(0).title()).isEqualTo("Crème brûlée");
        assertThat(c.recoveries()).anySatisfy(s -> assertThat(s).contains("windows-1252"));
        assertThat(d.mentions()).hasSize(2);
        assertThat(d.wellFormed()).isFalse();
    }

    @Test
    void rejectsWhatIsNotAFeedWithAReason() {
        assertThat(parse(""))
                .isInstanceOfSatisfying(
                        FeedResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(FeedResult.Reason.EMPTY));
        assertThat(parse("{\"data\": {\"children\": []}}"))
                .isInstanceOfSatisfying(
                        FeedResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(FeedResult.Reason.NOT_A_FEED));
        assertThat(parse("<?xml version=\"1.0\"?><html><body>hello</body></html>"))
                .isInstanceOfSatisfying(
                        FeedResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(FeedResult.Reason.NOT_A_FEED));
        FeedResult truncated = parse("<rss version=\"2.0\"><channel><title>t</title><item><title>a</ti");
        assertThat(truncated instanceof FeedResult.Rejected
                        || (truncated instanceof FeedResult.Parsed p && !p.wellFormed()))
                .as("reported malformed")
                .isTrue();
    }
}
