package dev.vigie.nlp.alert;

import dev.vigie.nlp.alert.internal.AlertQueryParser;
import dev.vigie.nlp.alert.internal.CompactableMonitorConfiguration;
import dev.vigie.nlp.alert.internal.RuleTermWeightor;
import dev.vigie.nlp.alert.internal.SiteNames;
import dev.vigie.nlp.alert.internal.WildcardPrefixHandler;
import dev.vigie.nlp.text.SocialAnalyzer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches documents against the stored alert rules of any number of watches, with Lucene Monitor.
 *
 * <p>Rules are parsed once, when the matcher is built; a rule that cannot be parsed is refused and listed in
 * {@link #rejectedRules()} while the others load. Matching a document analyzes it once into an in-memory index, lets
 * the presearcher pick the few rules whose terms occur in it (and which belong to the document's watch), and runs
 * only those, so the cost per document grows with the number of candidate rules, not of stored rules.
 *
 * <p>A watch with few rules (at most {@link #DEFAULT_DIRECT_MAX_RULES}, see {@link Builder#directMaxRules(int)})
 * skips the Monitor: its rules run directly on the document's in-memory index, as the Monitor would run its
 * candidates (same analysis, same queries, same highlights), without the presearcher's query over the query index,
 * which costs more than running a handful of rules.
 *
 * <p>Thread-safety: {@link #match(AlertDocument)} and {@link #match(List)} may be called from several threads. Build one matcher per
 * process or per Flink operator instance in {@code open()}, and {@link #close()} it in {@code close()}; it is not
 * serializable (ship the {@link AlertRule}s instead).
 */
public final class AlertMatcher implements Closeable {

    /** Presearcher passes: 2 indexes each conjunction under two of its terms, halving candidates for AND rules. */
    public static final int DEFAULT_PRESEARCHER_PASSES = 2;
    /** Most presearcher passes accepted; more passes cost query-index size for little gain. */
    public static final int MAX_PRESEARCHER_PASSES = 4;
    /**
     * Rules of one watch up to which its documents are matched against each rule directly rather than through the
     * Monitor: measured on a 2-rule watch, the Monitor's presearcher costs more per document than running the rules.
     */
    public static final int DEFAULT_DIRECT_MAX_RULES = 16;

    /** Analyzed text with offsets: batches are indexed by an IndexWriter, which keeps offsets only when asked. */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private static final Set<String> ALL_FIELDS = Set.of(
            AlertFields.CONTENT,
            AlertFields.TITLE,
            AlertFields.TEXT,
            AlertFields.AUTHOR,
            AlertFields.SITE,
            AlertFields.LANG);

    private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);
    private static final int REGISTER_BATCH = 5_000;
    private static final AlertQueryParser PARSER = new AlertQueryParser();

    private final Monitor monitor;
    /** The document analyzer of the direct path (the Monitor has its own). */
    private final Analyzer analyzer = documentAnalyzer();
    /** Per watch matched directly, its parsed rules by key. */
    private final Map<String, Map<String, Query>> directByWatch;

    private final Map<String, AlertRule> rulesByKey;
    /** Per watch, the fields its rules search. */
    private final Map<String, Set<String>> fieldsByWatch;

    private final List<RuleError> rejected;

    private AlertMatcher(
            Monitor monitor,
            Map<String, Map<String, Query>> directByWatch,
            Map<String, AlertRule> rulesByKey,
            Map<String, Set<String>> fieldsByWatch,
            List<RuleError> rejected) {
        this.monitor = monitor;
        this.directByWatch = directByWatch;
        this.rulesByKey = rulesByKey;
        this.fieldsByWatch = fieldsByWatch;
        this.rejected = List.copyOf(rejected);
    }

    /**
     * Opens a matcher over rules with the default settings.
     *
     * @param rules rules of any number of watches
     * @return an open matcher; refused rules are in {@link #rejectedRules()}
     */
    public static AlertMatcher open(Collection<AlertRule> rules) {
        return builder().rules(rules).build();
    }

    /** A builder, for settings other than the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a query's syntax without storing it, e.g. when a watch file is loaded.
     *
     * @param query the analyst query
     * @throws AlertQuerySyntaxException with column and reason when the query is malformed
     */
    public static void checkQuery(String query) {
        PARSER.parse(query);
    }

    /**
     * Translates a query into the Lucene query this matcher runs; for tests, tools and the naive baseline of the
     * benchmark.
     *
     * @param query the analyst query
     * @return the Lucene query over {@link AlertFields}
     * @throws AlertQuerySyntaxException when the query is malformed
     */
    public static Query toLuceneQuery(String query) {
        return PARSER.parse(query);
    }

    /**
     * The analyzer documents are indexed with, per field; for tools that index documents the same way (the benchmark's
     * naive baseline).
     */
    public static Analyzer documentAnalyzer() {
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(
                new SocialAnalyzer(SocialAnalyzer.Mode.DOCUMENT),
                Map.of(AlertFields.SITE, keyword, AlertFields.LANG, keyword, AlertFields.WATCH, keyword));
    }

    /**
     * The Lucene document a matcher builds for an alert document; for tools that match the same way.
     *
     * @param doc the document
     * @return its Lucene form
     */
    public static Document toLuceneDocument(AlertDocument doc) {
        return toLuceneDocument(doc, ALL_FIELDS);
    }

    /**
     * The Lucene document restricted to the fields some rule of the watch searches: each field costs analysis and
     * presearcher look-ups, and most watches never use {@code text:} or {@code author:}.
     */
    private static Document toLuceneDocument(AlertDocument doc, Set<String> fields) {
        Document d = new Document();
        d.add(new StringField(AlertFields.WATCH, doc.watch(), Field.Store.NO));
        boolean hasTitle = doc.title() != null && !doc.title().isEmpty();
        boolean hasText = doc.text() != null && !doc.text().isEmpty();
        if (hasTitle && fields.contains(AlertFields.CONTENT)) {
            d.add(new Field(AlertFields.CONTENT, doc.title(), TEXT_WITH_OFFSETS));
        }
        if (hasText && fields.contains(AlertFields.CONTENT)) {
            d.add(new Field(AlertFields.CONTENT, doc.text(), TEXT_WITH_OFFSETS));
        }
        if (hasTitle && fields.contains(AlertFields.TITLE)) {
            d.add(new Field(AlertFields.TITLE, doc.title(), TEXT_WITH_OFFSETS));
        }
        if (hasText && fields.contains(AlertFields.TEXT)) {
            d.add(new Field(AlertFields.TEXT, doc.text(), TEXT_WITH_OFFSETS));
        }
        if (doc.author() != null && !doc.author().isEmpty() && fields.contains(AlertFields.AUTHOR)) {
            d.add(new Field(AlertFields.AUTHOR, doc.author(), TEXT_WITH_OFFSETS));
        }
        if (fields.contains(AlertFields.SITE)) {
            for (String site : SiteNames.indexValues(doc.url())) {
                d.add(new StringField(AlertFields.SITE, site, Field.Store.NO));
            }
        }
        if (doc.language() != null && !doc.language().isBlank() && fields.contains(AlertFields.LANG)) {
            d.add(new StringField(AlertFields.LANG, doc.language().trim().toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        return d;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Rules refused when the matcher was built (syntax errors with their column, duplicate ids). */
    public List<RuleError> rejectedRules() {
        return rejected;
    }

    /** The watches whose documents skip the Monitor (at most the builder's {@code directMaxRules} rules). */
    Set<String> directWatches() {
        return directByWatch.keySet();
    }

    /** Number of rules stored (refused rules excluded). */
    public int ruleCount() {
        return rulesByKey.size();
    }

    /**
     * Matches one document against the rules of its watch.
     *
     * @param doc the document
     * @return matched rules (passing their language and sentiment filters) with matched terms and spans, and the
     *     rules that failed on this document
     * @throws UncheckedIOException only if the in-memory query index itself fails, which is not a per-rule problem
     */
    public AlertResult match(AlertDocument doc) {
        if (doc == null) {
            throw new IllegalArgumentException("document to match must not be null");
        }
        Set<String> fields = fieldsByWatch.get(doc.watch());
        if (fields == null) {
            return new AlertResult(doc.id(), List.of(), List.of());
        }
        Map<String, Query> direct = directByWatch.get(doc.watch());
        if (direct != null) {
            return matchDirectly(doc, toLuceneDocument(doc, fields), direct);
        }
        MatchingQueries<HighlightsMatch> result;
        try {
            result = monitor.match(toLuceneDocument(doc, fields), HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("alert query index failed while matching document " + doc.id(), e);
        }
        Map<String, Map<String, Set<HighlightsMatch.Hit>>> hits = new HashMap<>();
        for (HighlightsMatch m : result.getMatches()) {
            hits.put(m.getQueryId(), m.getHits());
        }
        return result(doc, hits, result.getErrors());
    }

    /**
     * Runs each rule of the document's watch on the document's in-memory index, collecting highlights as Lucene
     * Monitor's {@link HighlightsMatch#MATCHER} does (the same index options, rewrite, score mode and matches).
     */
    private AlertResult matchDirectly(AlertDocument doc, Document document, Map<String, Query> rules) {
        // as Lucene Monitor indexes a single document: offsets and payloads kept, one frozen in-memory index
        MemoryIndex index = new MemoryIndex(true, true);
        for (IndexableField field : document) {
            index.addField(field, analyzer);
        }
        index.freeze();
        IndexSearcher searcher = new IndexSearcher(index.createSearcher().getIndexReader());
        searcher.setQueryCache(null);
        Map<String, Map<String, Set<HighlightsMatch.Hit>>> hits = new HashMap<>();
        Map<String, Exception> failures = new HashMap<>();
        for (Map.Entry<String, Query> rule : rules.entrySet()) {
            try {
                Weight weight =
                        searcher.createWeight(searcher.rewrite(rule.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1);
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                        Matches matches = weight.matches(leaf, d);
                        if (matches != null) {
                            hits.merge(rule.getKey(), highlights(matches), (a, b) -> {
                                b.forEach((field, set) -> a.computeIfAbsent(field, f -> new TreeSet<>())
                                        .addAll(set));
                                return a;
                            });
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures.put(rule.getKey(), e);
            }
        }
        return result(doc, hits, failures);
    }

    /** The hits of a match per field, sub-matches (the words of a phrase) one by one. */
    private static Map<String, Set<HighlightsMatch.Hit>> highlights(Matches matches) throws IOException {
        Map<String, Set<HighlightsMatch.Hit>> hits = new HashMap<>();
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            Set<HighlightsMatch.Hit> set = hits.computeIfAbsent(field, f -> new TreeSet<>());
            while (it.next()) {
                MatchesIterator sub = it.getSubMatches();
                if (sub != null) {
                    while (sub.next()) {
                        set.add(new HighlightsMatch.Hit(
                                sub.startPosition(), sub.startOffset(), sub.endPosition(), sub.endOffset()));
                    }
                } else {
                    set.add(new HighlightsMatch.Hit(
                            it.startPosition(), it.startOffset(), it.endPosition(), it.endOffset()));
                }
            }
        }
        return hits;
    }

    /**
     * Matches documents one after the other; a convenience for callers holding a batch. (Lucene Monitor can also match
     * a batch as one multi-document index, but measured here that is 4 times slower per document with many stored
     * rules: the union of a batch's terms selects the union of candidates and each runs over the whole batch.)
     *
     * @param docs the documents
     * @return one result per document, in the same order
     */
    public List<AlertResult> match(List<AlertDocument> docs) {
        if (docs == null) {
            throw new IllegalArgumentException("documents to match must not be null");
        }
        List<AlertResult> out = new ArrayList<>(docs.size());
        for (AlertDocument d : docs) {
            out.add(match(d));
        }
        return out;
    }

    private AlertResult result(
            AlertDocument doc,
            Map<String, Map<String, Set<HighlightsMatch.Hit>>> hits,
            Map<String, Exception> failures) {
        List<AlertMatch> matches = new ArrayList<>();
        for (Map.Entry<String, Map<String, Set<HighlightsMatch.Hit>>> m : hits.entrySet()) {
            AlertRule rule = rulesByKey.get(m.getKey());
            if (rule == null || !rule.watch().equals(doc.watch()) || !rule.accepts(doc.language(), doc.sentiment())) {
                continue;
            }
            matches.add(toMatch(rule, m.getValue(), doc));
        }
        matches.sort(Comparator.comparing(AlertMatch::ruleId));
        List<RuleError> errors = new ArrayList<>();
        for (Map.Entry<String, Exception> e : failures.entrySet()) {
            AlertRule rule = rulesByKey.get(e.getKey());
            if (rule != null && rule.watch().equals(doc.watch())) {
                LOG.debug("alert rule {} failed on a batch with document {}", e.getKey(), doc.id(), e.getValue());
                errors.add(new RuleError(
                        rule.watch(),
                        rule.id(),
                        rule.query(),
                        0,
                        "failed on a batch with document " + doc.id() + ": " + e.getValue()));
            }
        }
        return new AlertResult(doc.id(), matches, errors);
    }

    private static AlertMatch toMatch(AlertRule rule, Map<String, Set<HighlightsMatch.Hit>> hits, AlertDocument doc) {
        String title = doc.title() == null ? "" : doc.title();
        String text = doc.text() == null ? "" : doc.text();
        // the text is the second value of the content field: its offsets follow the title's plus the offset gap (1)
        int textBase = title.isEmpty() ? 0 : title.length() + 1;
        List<Highlight> spans = new ArrayList<>();
        for (Map.Entry<String, Set<HighlightsMatch.Hit>> e : hits.entrySet()) {
            String field = e.getKey();
            for (HighlightsMatch.Hit hit : e.getValue()) {
                if (hit.startOffset < 0 || hit.endOffset <= hit.startOffset) {
                    continue;
                }
                switch (field) {
                    case AlertFields.CONTENT -> {
                        if (!title.isEmpty() && hit.endOffset <= title.length()) {
                            spans.add(new Highlight(AlertFields.TITLE, hit.startOffset, hit.endOffset));
                        } else if (hit.startOffset >= textBase && hit.endOffset - textBase <= text.length()) {
                            spans.add(new Highlight(
                                    AlertFields.TEXT, hit.startOffset - textBase, hit.endOffset - textBase));
                        }
                    }
                    case AlertFields.TITLE, AlertFields.TEXT, AlertFields.AUTHOR ->
                        spans.add(new Highlight(field, hit.startOffset, hit.endOffset));
                    default -> {}
                }
            }
        }
        List<Highlight> distinct = new ArrayList<>(new LinkedHashSet<>(spans));
        distinct.sort(Comparator.comparingInt((Highlight h) -> fieldOrder(h.field()))
                .thenComparingInt(Highlight::start)
                .thenComparingInt(Highlight::end));
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (Highlight h : distinct) {
            String source = switch (h.field()) {
                case AlertFields.TITLE -> title;
                case AlertFields.TEXT -> text;
                default -> doc.author() == null ? "" : doc.author();
            };
            if (h.end() <= source.length()) {
                terms.add(source.substring(h.start(), h.end()));
            }
        }
        return new AlertMatch(rule.watch(), rule.id(), new ArrayList<>(terms), distinct);
    }

    private static int fieldOrder(String field) {
        return switch (field) {
            case AlertFields.TITLE -> 0;
            case AlertFields.TEXT -> 1;
            default -> 2;
        };
    }

    /** Closes the Monitor and its background purge thread. */
    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the alert query index", e);
        }
    }

    private static String key(AlertRule rule) {
        return rule.watch() + "/" + rule.id();
    }

    /** Builder for {@link AlertMatcher}. */
    public static final class Builder {
        private final List<AlertRule> rules = new ArrayList<>();
        private int presearcherPasses = DEFAULT_PRESEARCHER_PASSES;
        private int directMaxRules = DEFAULT_DIRECT_MAX_RULES;

        private Builder() {}

        /**
         * Rules of one watch up to which its documents skip the Monitor and run each rule directly (same results).
         *
         * @param rules 0 (every watch through the Monitor) or more
         */
        public Builder directMaxRules(int rules) {
            if (rules < 0) {
                throw new IllegalArgumentException("direct matching rule count must not be negative: " + rules);
            }
            this.directMaxRules = rules;
            return this;
        }

        /** Adds rules (of any watches). */
        public Builder rules(Collection<AlertRule> more) {
            if (more == null) {
                throw new IllegalArgumentException("rules must not be null");
            }
            for (AlertRule r : more) {
                if (r == null) {
                    throw new IllegalArgumentException("rules must not contain null");
                }
                rules.add(r);
            }
            return this;
        }

        /**
         * Presearcher passes (1 = Lucene's TermFilteredPresearcher, more = MultipassTermFilteredPresearcher).
         *
         * @param passes 1 to {@link #MAX_PRESEARCHER_PASSES}
         */
        public Builder presearcherPasses(int passes) {
            if (passes < 1 || passes > MAX_PRESEARCHER_PASSES) {
                throw new IllegalArgumentException(
                        "presearcher passes must be between 1 and " + MAX_PRESEARCHER_PASSES + ": " + passes);
            }
            this.presearcherPasses = passes;
            return this;
        }

        /** Parses the rules and builds the query index. */
        public AlertMatcher build() {
            long start = System.nanoTime();
            Set<String> analyzed = Set.of(AlertFields.CONTENT, AlertFields.TITLE, AlertFields.TEXT, AlertFields.AUTHOR);
            List<org.apache.lucene.monitor.CustomQueryHandler> handlers = List.of(new WildcardPrefixHandler(analyzed));
            Set<String> filterFields = Set.of(AlertFields.WATCH);
            Map<String, AlertRule> byKey = new HashMap<>();
            Map<String, Set<String>> fields = new HashMap<>();
            List<RuleError> errors = new ArrayList<>();
            List<MonitorQuery> parsed = new ArrayList<>();
            Map<String, Integer> perWatch = new HashMap<>();
            for (AlertRule rule : rules) {
                perWatch.merge(rule.watch(), 1, Integer::sum);
            }
            Map<String, Map<String, Query>> direct = new HashMap<>();
            for (AlertRule rule : rules) {
                String key = key(rule);
                if (byKey.containsKey(key)) {
                    errors.add(new RuleError(
                            rule.watch(),
                            rule.id(),
                            rule.query(),
                            0,
                            "duplicate rule id '" + rule.id() + "' in watch " + rule.watch()));
                    continue;
                }
                Query query;
                try {
                    query = PARSER.parse(rule.query());
                } catch (AlertQuerySyntaxException e) {
                    errors.add(new RuleError(rule.watch(), rule.id(), rule.query(), e.column(), e.reason()));
                    continue;
                }
                byKey.put(key, rule);
                Set<String> watchFields = fields.computeIfAbsent(rule.watch(), w -> new HashSet<>());
                query.visit(new QueryVisitor() {
                    @Override
                    public boolean acceptField(String field) {
                        watchFields.add(field);
                        return true;
                    }
                });
                if (perWatch.get(rule.watch()) <= directMaxRules) {
                    direct.computeIfAbsent(rule.watch(), w -> new HashMap<>()).put(key, query);
                } else {
                    parsed.add(new MonitorQuery(key, query, null, Map.of(AlertFields.WATCH, rule.watch())));
                }
            }
            TermWeightor weightor = RuleTermWeightor.of(
                    parsed.stream().map(MonitorQuery::getQuery).toList());
            Presearcher presearcher = presearcherPasses == 1
                    ? new TermFilteredPresearcher(weightor, handlers, filterFields)
                    : new MultipassTermFilteredPresearcher(
                            presearcherPasses, RuleTermWeightor.MIN_INDEX_WEIGHT, weightor, handlers, filterFields);
            Monitor monitor;
            CompactableMonitorConfiguration configuration = new CompactableMonitorConfiguration();
            try {
                monitor = new Monitor(documentAnalyzer(), presearcher, configuration);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the alert query index", e);
            }
            try {
                for (int from = 0; from < parsed.size(); from += REGISTER_BATCH) {
                    register(
                            monitor,
                            new ArrayList<>(parsed.subList(from, Math.min(parsed.size(), from + REGISTER_BATCH))),
                            byKey,
                            errors);
                }
                compact(monitor, configuration);
            } catch (RuntimeException e) {
                closeQuietly(monitor);
                throw e;
            }
            Map<String, Set<String>> fieldsByWatch = new HashMap<>();
            for (AlertRule r : byKey.values()) {
                fieldsByWatch.put(r.watch(), Set.copyOf(fields.get(r.watch())));
            }
            Map<String, Map<String, Query>> directRules = new HashMap<>();
            direct.forEach((watch, queries) -> directRules.put(watch, Map.copyOf(queries)));
            AlertMatcher matcher = new AlertMatcher(
                    monitor, Map.copyOf(directRules), Map.copyOf(byKey), Map.copyOf(fieldsByWatch), errors);
            LOG.info(
                    "alert matcher opened: {} rules of {} watches stored ({} watches matched directly), {} refused, in {}"
                            + " ms",
                    matcher.ruleCount(),
                    matcher.fieldsByWatch.size(),
                    directRules.size(),
                    errors.size(),
                    (System.nanoTime() - start) / 1_000_000);
            for (RuleError e : errors) {
                LOG.warn("alert rule refused: {}", e.describe());
            }
            return matcher;
        }

        /** Registers a batch; if Lucene refuses it, registers one by one so only the culprits are refused. */
        private static void register(
                Monitor monitor, List<MonitorQuery> batch, Map<String, AlertRule> byKey, List<RuleError> errors) {
            if (batch.isEmpty()) {
                return;
            }
            try {
                monitor.register(batch);
            } catch (IOException | RuntimeException batchFailure) {
                for (MonitorQuery q : batch) {
                    try {
                        monitor.register(q);
                    } catch (IOException | RuntimeException e) {
                        AlertRule rule = byKey.remove(q.getId());
                        errors.add(new RuleError(rule.watch(), rule.id(), rule.query(), 0, "cannot be indexed: " + e));
                    }
                }
            }
            batch.clear();
        }

        /** Merges the query index into one segment and commits, so the presearcher looks each term up once. */
        private static void compact(Monitor monitor, CompactableMonitorConfiguration configuration) {
            try {
                configuration.mergeToOneSegment();
                monitor.register(List.of());
            } catch (IOException e) {
                throw new UncheckedIOException("could not merge the alert query index", e);
            }
        }

        private static void closeQuietly(Monitor monitor) {
            try {
                monitor.close();
            } catch (IOException e) {
                LOG.debug("closing the alert query index after a failure", e);
            }
        }
    }
}
