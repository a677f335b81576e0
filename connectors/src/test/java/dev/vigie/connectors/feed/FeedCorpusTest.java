package dev.vigie.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.testing.CorpusData;
import dev.vigie.testing.CsvFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file of the two feed corpora through the parser, each under a time limit, scored against the corpus'
 * expectations.
 *
 * <p>Scoring of feedparser's {@code expected_bozo} (see its SOURCE.txt): {@code false} = must parse as well-formed
 * (a {@link FeedResult.Parsed} with no recoveries); {@code true} = must be reported as malformed, which Vigie does
 * either by rejecting the body or, like feedparser's lenient mode, by parsing it and listing the repairs in
 * {@link FeedResult.Parsed#recoveries()}. For {@code entities/*} (undeclared HTML entities), the feed-reader answer
 * is required: entries recovered and the repair listed. For rome's corpus the strict-XML result (expat) is the
 * expectation.
 */
class FeedCorpusTest {
    private static final long TIME_LIMIT_SECONDS = 10;
    private static final Pattern ENTRY = Pattern.compile("<(item|entry)[\\s>/]", Pattern.CASE_INSENSITIVE);
    private static ExecutorService pool;
    private final FeedParser parser = new FeedParser();

    @BeforeAll
    static void startPool() {
        pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus-parse");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private record Outcome(FeedResult result, String crash) {}

    private Outcome parseWithLimit(Path file, String contentType) throws Exception {
        byte[] body = Files.readAllBytes(file);
        Future<FeedResult> f = pool.submit(() -> parser.parse(
                body,
                contentType,
                file.toUri().toString(),
                URI.create("http://example.org/feed.xml"),
                null,
                Instant.parse("2026-01-01T00:00:00Z")));
        try {
            return new Outcome(f.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS), null);
        } catch (TimeoutException e) {
            f.cancel(true);
            pool.shutdownNow();
            pool = Executors.newSingleThreadExecutor();
            return new Outcome(null, "hang (> " + TIME_LIMIT_SECONDS + " s)");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(null, "crash: " + e.getCause());
        }
    }

    @Test
    void feedparserCorpusParsesWithoutCrashAndAgreesWithItsIndex() throws Exception {
        Path root = CorpusData.folder("feeds-feedparser");
        List<Map<String, String>> index = CsvFile.records(root.resolve("INDEX.csv"));
        Map<String, int[]> agreement = new TreeMap<>(); // category -> {agree, total}
        List<String> crashes = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        int wellFormedWithEntries = 0;
        int wellFormedYielding = 0;
        int entitiesRecovered = 0;
        int entitiesTotal = 0;
        for (Map<String, String> row : index) {
            Path file = root.resolve(row.get("path"));
            String contentType = contentType(row.get("http_headers"));
            Outcome o = parseWithLimit(file, contentType);
            if (o.crash() != null) {
                crashes.add(row.get("path") + ": " + o.crash());
                continue;
            }
            String category = row.get("category").split("/")[0];
            String expected = row.get("expected_bozo");
            FeedResult r = o.result();
            boolean flagged = r instanceof FeedResult.Rejected || (r instanceof FeedResult.Parsed p && !p.wellFormed());
            if (!expected.isEmpty()) {
                boolean agree = expected.equals("true") == flagged;
                int[] a = agreement.computeIfAbsent(category, k -> new int[2]);
                a[0] += agree ? 1 : 0;
                a[1]++;
                if (!agree) {
                    disagreements.add(row.get("path") + " expected bozo=" + expected + " got " + describe(r));
                }
            }
            int rawEntries = countEntries(file);
            if (category.equals("wellformed") && rawEntries > 0) {
                wellFormedWithEntries++;
                if (r instanceof FeedResult.Parsed p && p.mentions().size() == rawEntries) {
                    wellFormedYielding++;
                } else {
                    disagreements.add(row.get("path") + " has " + rawEntries + " entries, got " + describe(r));
                }
            }
            if (category.equals("entities")) {
                entitiesTotal++;
                if (r instanceof FeedResult.Parsed p
                        && !p.wellFormed()
                        && (rawEntries == 0 || !p.mentions().isEmpty())) {
                    entitiesRecovered++;
                } else {
                    disagreements.add(row.get("path") + " not recovered: " + describe(r));
                }
            }
        }
        System.out.printf(Locale.ROOT, "feedparser corpus: %d files, crashes/hangs %d%n", index.size(), crashes.size());
        agreement.forEach((k, v) -> System.out.printf(Locale.ROOT, "  agreement %-10s %4d/%4d%n", k, v[0], v[1]));
        System.out.printf(
                Locale.ROOT,
                "  well-formed feeds with entries yielding all of them: %d/%d (%.2f %%)%n",
                wellFormedYielding,
                wellFormedWithEntries,
                100.0 * wellFormedYielding / wellFormedWithEntries);
        System.out.printf(
                Locale.ROOT,
                "  entities/* recovered leniently with the repair listed: %d/%d%n",
                entitiesRecovered,
                entitiesTotal);
        disagreements.forEach(d -> System.out.println("  disagrees: " + d));

        assertThat(crashes).isEmpty();
        assertThat(wellFormedYielding).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * wellFormedWithEntries));
        int[] wf = agreement.get("wellformed");
        assertThat(wf[0]).as("well-formed files parsed without repairs").isGreaterThanOrEqualTo((int) (0.99 * wf[1]));
        assertThat(entitiesRecovered).as("entities/* recovered").isEqualTo(entitiesTotal);
        int[] ill = agreement.get("illformed");
        assertThat(ill[0]).as("ill-formed files reported malformed").isGreaterThanOrEqualTo((int) (0.8 * ill[1]));
    }

    @Test
    void romeCorpusParsesWithoutCrashAndAgreesWithStrictXml() throws Exception {
        Path root = CorpusData.folder("feeds-rome");
        List<Map<String, String>> index = CsvFile.records(root.resolve("INDEX.csv"));
        Map<String, String> wellFormed = new HashMap<>();
        index.forEach(r -> wellFormed.put(r.get("path"), r.get("expat_wellformed")));
        List<String> crashes = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        int files = 0;
        int feeds = 0;
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : all) {
            files++;
            Outcome o = parseWithLimit(file, null);
            String rel = root.relativize(file).toString();
            if (o.crash() != null) {
                crashes.add(rel + ": " + o.crash());
                continue;
            }
            FeedResult r = o.result();
            if (r instanceof FeedResult.Parsed) {
                feeds++;
            }
            String expat = wellFormed.get(rel);
            if ("no".equals(expat) && r instanceof FeedResult.Parsed p && p.wellFormed()) {
                disagreements.add(rel + ": strict XML fails but parsed without repairs");
            }
            if ("yes".equals(expat) && r instanceof FeedResult.Parsed p && !p.wellFormed()) {
                disagreements.add(rel + ": well-formed but repaired: " + p.recoveries());
            }
            if ("yes".equals(expat)
                    && r instanceof FeedResult.Rejected rej
                    && rej.reason() != FeedResult.Reason.NOT_A_FEED) {
                disagreements.add(rel + ": well-formed but rejected: " + rej.message());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "rome corpus: %d files, %d parsed as feeds, crashes/hangs %d, disagreements %d%n",
                files,
                feeds,
                crashes.size(),
                disagreements.size());
        disagreements.forEach(d -> System.out.println("  " + d));
        assertThat(crashes).isEmpty();
        assertThat(disagreements).isEmpty();
    }

    static String contentType(String httpHeaders) {
        if (httpHeaders == null || httpHeaders.isBlank()) {
            return null;
        }
        for (String h : httpHeaders.split("\\|")) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase("content-type")) {
                return h.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static int countEntries(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Matcher m = ENTRY.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String describe(FeedResult r) {
        if (r instanceof FeedResult.Rejected rej) {
            return "rejected " + rej.reason() + ": " + rej.message();
        }
        FeedResult.Parsed p = (FeedResult.Parsed) r;
        return "parsed " + p.format() + " with " + p.mentions().size() + " entries, recoveries " + p.recoveries();
    }
}
