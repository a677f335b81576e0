package dev.vigie.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.page.PageSpec;
import dev.vigie.connectors.page.PageWatcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds that used to lose items, misread dates, be refused whole, or stall the parser. */
class FeedHardeningTest {
    private static final Instant FETCHED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String FEED_URL = "https://news.example/feed";
    private final FeedParser parser = new FeedParser();

    private FeedResult parse(String body, String contentType) {
        return parser.parse(
                body.getBytes(StandardCharsets.UTF_8), contentType, FEED_URL, URI.create(FEED_URL), null, FETCHED);
    }

    private FeedResult.Parsed parsed(String body) {
        FeedResult r = parse(body, null);
        assertThat(r).isInstanceOf(FeedResult.Parsed.class);
        return (FeedResult.Parsed) r;
    }

    private static String rss(String items) {
        return "<rss version=\"2.0\"><channel><title>t</title><link>https://news.example/</link>" + items
                + "</channel></rss>";
    }

    // 8. ids

    @Test
    void itemsWithOnlyADescriptionKeepOneIdEach() {
        FeedResult.Parsed feed = parsed("<rss version=\"0.92\"><channel><title>t</title>"
                + "<item><description>Premier</description></item>"
                + "<item><description>Deuxième</description></item>"
                + "<item><description>Troisième</description></item></channel></rss>");

        assertThat(feed.mentions())
                .extracting(Mention::id)
                .doesNotHaveDuplicates()
                .hasSize(3);
        assertThat(parsed("<rss version=\"0.92\"><channel><title>t</title><item><description>Deuxième</description>"
                                + "</item></channel></rss>")
                        .mentions()
                        .get(0)
                        .id())
                .as("stable across runs and positions")
                .isEqualTo(feed.mentions().get(1).id());
    }

    @Test
    void guidsThatDifferOnlyByTheirFragmentAreTwoItems() {
        FeedResult.Parsed feed = parsed(
                rss(
                        "<item><title>A</title><guid isPermaLink=\"true\">https://news.example/live#update-1</guid></item>"
                                + "<item><title>B</title><guid isPermaLink=\"true\">https://news.example/live#update-2</guid></item>"));

        assertThat(feed.mentions())
                .extracting(Mention::id)
                .doesNotHaveDuplicates()
                .hasSize(2);
        assertThat(feed.mentions()).extracting(Mention::url).containsOnly("https://news.example/live");
    }

    // 9. dates

    @Test
    void usZoneAbbreviationsAreReadAtTheirOffset() {
        FeedResult.Parsed feed = parsed(rss("<item><title>a</title><link>https://news.example/a</link>"
                + "<pubDate>Wed, 16 Nov 2022 10:00:00 EDT</pubDate></item>"
                + "<item><title>b</title><link>https://news.example/b</link>"
                + "<pubDate>Wed, 16 Nov 2022 10:00:00 PST</pubDate></item>"));

        assertThat(feed.mentions())
                .extracting(Mention::publishedAt)
                .containsExactly(Instant.parse("2022-11-16T14:00:00Z"), Instant.parse("2022-11-16T18:00:00Z"));
        assertThat(feed.mentions()).noneMatch(Mention::publishedEstimated);
    }

    @Test
    void frenchGermanItalianAndSpanishDayAndMonthNamesAreRead() {
        String[] dates = {
            "mer., 16 nov. 2022 10:00:00 +0100",
            "Do, 03 Okt 2024 08:00:00 +0200",
            "mer, 16 nov 2022 10:00:00 GMT",
            "mié, 16 nov 2022 10:00:00 +0000",
            "lun., 05 févr. 2024 09:30:00 CET",
            "So, 17 März 2024 12:00:00 MEZ",
            "gio, 04 gen 2024 10:00:00 +0100",
            "sáb, 06 ene 2024 10:00:00 +0100"
        };
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < dates.length; i++) {
            items.append("<item><title>")
                    .append(i)
                    .append("</title><link>https://news.example/")
                    .append(i)
                    .append("</link><pubDate>")
                    .append(dates[i])
                    .append("</pubDate></item>");
        }
        List<Mention> mentions = parsed(rss(items.toString())).mentions();

        assertThat(mentions)
                .extracting(Mention::publishedAt)
                .containsExactly(
                        Instant.parse("2022-11-16T09:00:00Z"), Instant.parse("2024-10-03T06:00:00Z"),
                        Instant.parse("2022-11-16T10:00:00Z"), Instant.parse("2022-11-16T10:00:00Z"),
                        Instant.parse("2024-02-05T08:30:00Z"), Instant.parse("2024-03-17T11:00:00Z"),
                        Instant.parse("2024-01-04T09:00:00Z"), Instant.parse("2024-01-06T09:00:00Z"));
        assertThat(mentions).noneMatch(Mention::publishedEstimated);
    }

    // 10. feeds a reader shows

    @Test
    void undeclaredNamespacePrefixesAreRecovered() {
        FeedResult.Parsed feed = parsed(rss("<item><title>Podcast 1</title><link>https://news.example/p1</link>"
                + "<content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>"
                + "<wfw:commentRss>https://news.example/p1/comments</wfw:commentRss>"
                + "<itunes:duration>12:00</itunes:duration></item>"));

        assertThat(feed.mentions()).hasSize(1);
        assertThat(feed.mentions().get(0).text()).isEqualTo("Full text");
        assertThat(feed.recoveries()).anyMatch(r -> r.contains("content:"));
    }

    @Test
    void anAtomEntryDocumentIsOneEntry() {
        FeedResult.Parsed feed = parsed("<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<id>tag:news.example,2024:1</id><title>Seul article</title>"
                + "<link href=\"https://news.example/seul\"/><updated>2024-05-01T10:00:00Z</updated>"
                + "<content type=\"text\">Le texte</content></entry>");

        assertThat(feed.mentions()).hasSize(1);
        assertThat(feed.mentions().get(0).title()).isEqualTo("Seul article");
        assertThat(feed.mentions().get(0).url()).isEqualTo("https://news.example/seul");
        assertThat(feed.mentions().get(0).text()).isEqualTo("Le texte");
    }

    @Test
    void inlineTextHtmlContentAndDublinCoreDescriptionGiveText() {
        FeedResult.Parsed atom = parsed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<entry><id>tag:x,2024:1</id><title>a</title><link href=\"https://news.example/a\"/>"
                + "<updated>2024-05-01T10:00:00Z</updated>"
                + "<content type=\"text/html\">&lt;p&gt;Du &lt;b&gt;HTML&lt;/b&gt;&lt;/p&gt;</content></entry></feed>");
        FeedResult.Parsed rdf = parsed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel rdf:about=\"https://news.example/\"><title>t</title><link>https://news.example/</link>"
                + "<description>d</description></channel>"
                + "<item rdf:about=\"https://news.example/b\"><title>b</title><link>https://news.example/b</link>"
                + "<dc:description>Texte Dublin Core</dc:description></item></rdf:RDF>");

        assertThat(atom.mentions().get(0).text()).isEqualTo("Du HTML");
        assertThat(rdf.mentions().get(0).text()).isEqualTo("Texte Dublin Core");
    }

    @Test
    void jsonFeedsAreReadAsFeeds() {
        String v11 = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Blog", "language": "fr-FR",
                 "authors": [{"name": "Ann"}],
                 "items": [
                   {"id": "1", "url": "https://blog.example/un?utm_source=feed", "title": "Un",
                    "content_html": "<p>Premier <em>billet</em></p>", "date_published": "2024-05-01T10:00:00+02:00"},
                   {"id": "2", "title": "Deux", "content_text": "Second billet"}
                 ]}
                """;
        String v10 = """
                {"version": "https://jsonfeed.org/version/1", "title": "Old", "items": [
                  {"id": "a", "url": "https://old.example/a", "summary": "Résumé", "author": {"name": "Bob"}}]}
                """;
        FeedResult r11 = parse(v11, "application/feed+json");
        FeedResult r10 = parse(v10, "application/json");

        assertThat(r11).isInstanceOfSatisfying(FeedResult.Parsed.class, f -> {
            assertThat(f.format()).isEqualTo("json_1.1");
            assertThat(f.wellFormed()).isTrue();
            assertThat(f.lang()).isEqualTo("fr");
            assertThat(f.mentions()).hasSize(2);
            Mention first = f.mentions().get(0);
            assertThat(first.url()).isEqualTo("https://blog.example/un");
            assertThat(first.text()).isEqualTo("Premier billet");
            assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
            assertThat(first.author().name()).isEqualTo("Ann");
            assertThat(f.mentions().get(1).text()).isEqualTo("Second billet");
            assertThat(f.mentions().get(1).publishedEstimated()).isTrue();
        });
        assertThat(r10).isInstanceOfSatisfying(FeedResult.Parsed.class, f -> {
            assertThat(f.format()).isEqualTo("json_1.0");
            assertThat(f.mentions().get(0).text()).isEqualTo("Résumé");
            assertThat(f.mentions().get(0).author().name()).isEqualTo("Bob");
        });
    }

    // 4. depth

    @Test
    void deeplyNestedFeedsPagesAndJsonAreRefusedBeforeParsing() {
        String deepXml = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>"
                + "<a>".repeat(40_000) + "</a>".repeat(40_000) + "</description></item></channel></rss>";
        String deepJson = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [" + "[".repeat(5_000)
                + "]".repeat(5_000) + "]}";

        assertThat(parse(deepXml, "application/rss+xml")).isInstanceOfSatisfying(FeedResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(FeedResult.Reason.MALFORMED);
            assertThat(r.message()).contains("nested deeper than");
        });
        assertThat(parse(deepJson, "application/feed+json")).isInstanceOfSatisfying(FeedResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(FeedResult.Reason.MALFORMED);
            assertThat(r.message()).contains("nested deeper than");
        });
        String deepPage = "<html><body>" + "<div>".repeat(40_000) + "x" + "</div>".repeat(40_000) + "</body></html>";
        assertThatThrownBy(() -> new PageWatcher()
                        .snapshot(
                                new PageSpec("https://news.example/page", null, null, List.of()),
                                deepPage.getBytes(StandardCharsets.UTF_8),
                                "text/html",
                                null,
                                FETCHED))
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void ordinaryNestingIsNotRefused() {
        String page = "<html><body>" + "<p>para".repeat(5_000) + "<ul>" + "<li>item".repeat(5_000) + "</ul>"
                + "<div>".repeat(100) + "deep enough" + "</div>".repeat(100) + "</body></html>";

        assertThat(new PageWatcher()
                        .snapshot(
                                new PageSpec("https://news.example/page", null, null, List.of()),
                                page.getBytes(StandardCharsets.UTF_8),
                                "text/html",
                                null,
                                FETCHED)
                        .lines())
                .contains("deep enough");
    }
}
