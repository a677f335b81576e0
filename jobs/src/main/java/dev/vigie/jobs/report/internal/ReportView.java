package dev.vigie.jobs.report.internal;

import dev.vigie.jobs.report.ReportScope;
import dev.vigie.jobs.report.WeeklyReportData;
import dev.vigie.jobs.report.WeeklyReportData.AlertActivity;
import dev.vigie.jobs.report.WeeklyReportData.AlertHits;
import dev.vigie.jobs.report.WeeklyReportData.Author;
import dev.vigie.jobs.report.WeeklyReportData.BrandSentiment;
import dev.vigie.jobs.report.WeeklyReportData.BrandShare;
import dev.vigie.jobs.report.WeeklyReportData.MentionRef;
import dev.vigie.jobs.report.WeeklyReportData.NamedCount;
import dev.vigie.jobs.report.WeeklyReportData.PageChange;
import dev.vigie.jobs.report.WeeklyReportData.Spike;
import dev.vigie.jobs.report.WeeklyReportData.Story;
import dev.vigie.jobs.report.WeeklyReportData.ThemeTrend;
import dev.vigie.jobs.report.WeeklyReportData.TopSource;
import dev.vigie.jobs.report.WeeklyReportQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@link WeeklyReportData} into the template's model: every number and date already formatted for the
 * report's locale, every change with its arrow, and only {@code http(s)} links (a feed could carry a
 * {@code javascript:} URL). The template escapes all text.
 */
public final class ReportView {

    static final int THEMES_SHOWN = 5;
    static final int CHANGE_LINES_SHOWN = 3;
    static final int CHANGE_LINE_CHARS = 160;
    /** Longest story or mention title shown, in characters. */
    static final int MAX_TITLE_LENGTH = 200;
    /** Longest author, handle, source or section name shown. */
    static final int MAX_NAME_LENGTH = 80;
    /** Longest link made clickable; a longer URL is not linked. */
    static final int MAX_LINK_LENGTH = 2048;

    private static final Set<String> KINDS = Set.of("price", "product", "news", "jobs", "other");
    private static final Set<String> FREQUENCIES = Set.of("run", "day", "week");

    private final ReportScope scope;
    private final ReportTexts texts;
    private final ReportFormat format;
    private final ReportCharts charts;

    public ReportView(ReportScope scope) {
        this.scope = scope;
        this.texts = new ReportTexts(scope.locale());
        this.format = new ReportFormat(scope.locale(), texts);
        this.charts = new ReportCharts(scope.locale(), texts, format);
    }

    public ReportTexts texts() {
        return texts;
    }

    /** The email subject: brand, week and the headline number. */
    public String subject(WeeklyReportData data) {
        return texts.format(
                "subject",
                data.week().toString(),
                data.brand(),
                format.integer(data.totals().mentions()) + " mentions");
    }

    /** Names of the charts, in the order of the report; also their email content ids. */
    public static final List<String> CHARTS = List.of("share-of-voice", "volume-per-day", "sentiment");

    /** The charts of {@code data} by name (none for an empty week, which has nothing to draw). */
    public Map<String, byte[]> charts(WeeklyReportData data) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        if (!data.isEmpty()) {
            charts.put(CHARTS.get(0), this.charts.shareOfVoice(data));
            charts.put(CHARTS.get(1), this.charts.volumePerDay(data));
            charts.put(CHARTS.get(2), this.charts.sentiment(data));
        }
        return charts;
    }

    /**
     * The template model of {@code data}, formatted for the report's locale as of {@code today}; {@code chartSrc}
     * gives the {@code src} of each chart of {@link #charts} ({@code data:} URI or {@code cid:} reference).
     */
    public Map<String, Object> model(WeeklyReportData data, LocalDate today, Map<String, String> chartSrc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", texts.all());
        m.put("lang", scope.locale().getLanguage());
        m.put("brand", data.brand());
        m.put("weekLabel", texts.format("week", data.week().toString()));
        m.put("weekRange", format.weekRange(data.week().monday(), data.week().sunday()));
        m.put(
                "generated",
                texts.format(
                        "generated",
                        format.fullDate(today),
                        data.watch(),
                        scope.zone().getId()));
        m.put("empty", data.isEmpty());
        m.put(
                "emptyText",
                texts.format(
                        "empty",
                        format.fullDate(data.week().monday()),
                        format.fullDate(data.week().sunday())));
        m.put("kpis", kpis(data));
        if (!data.isEmpty()) {
            m.put("content", Boolean.TRUE);
            m.put("shareChart", chartSrc.get(CHARTS.get(0)));
            m.put("volumeChart", chartSrc.get(CHARTS.get(1)));
            m.put("sentimentChart", chartSrc.get(CHARTS.get(2)));
        }
        m.put("shareIntro", texts.format("sec_share_intro", data.brand()));
        m.put("shares", shares(data));
        m.put(
                "volumeIntro",
                texts.format(
                        "sec_volume_intro",
                        format.integer(data.totals().mentions()),
                        format.integer(data.totals().previousMentions())));
        m.put("sentiments", sentiments(data));
        m.put("stories", stories(data));
        m.put("authors", authors(data));
        List<Map<String, Object>> rising = themes(data, true);
        List<Map<String, Object>> falling = themes(data, false);
        m.put("rising", rising);
        m.put("hasRising", !rising.isEmpty());
        m.put("falling", falling);
        m.put("hasFalling", !falling.isEmpty());
        m.put("pageGroups", pageGroups(data));
        if (data.totals().pageChanges() > data.pageChanges().size()) {
            m.put(
                    "pageChangesNote",
                    texts.format(
                            "more_page_changes",
                            format.integer(data.pageChanges().size()),
                            format.integer(data.totals().pageChanges())));
        }
        m.put("alerts", alerts(data));
        m.put("hasAlerts", !data.alerts().isEmpty());
        List<Map<String, Object>> alertEmails = alertActivity(data);
        m.put("alertEmails", alertEmails);
        m.put("hasAlertEmails", !alertEmails.isEmpty());
        m.put("showAlerts", !data.isEmpty() || !alertEmails.isEmpty());
        m.put("alertLines", alertEmails.stream().map(r -> r.get("line")).toList());
        List<Map<String, Object>> sources = topSources(data);
        m.put("topSources", sources);
        m.put("hasTopSources", !sources.isEmpty());
        m.put("spikes", spikes(data));
        m.put("hasSpikes", !data.spikes().isEmpty());
        m.put(
                "spikesIntro",
                texts.format(
                        "spikes_intro",
                        format.decimal(WeeklyReportQuery.SPIKE_RATIO, 1),
                        format.integer(data.baselineWeeks()),
                        format.integer(WeeklyReportQuery.MIN_SPIKE_MENTIONS)));
        m.put(
                "spikesNone",
                data.baselineWeeks() == 0
                        ? texts.get("spikes_no_history")
                        : texts.format("spikes_none", format.decimal(WeeklyReportQuery.SPIKE_RATIO, 1)));
        return m;
    }

    private List<Map<String, Object>> kpis(WeeklyReportData data) {
        List<Map<String, Object>> kpis = new ArrayList<>();
        var totals = data.totals();
        kpis.add(kpi(
                texts.get("kpi_mentions"),
                format.integer(totals.mentions()),
                format.countChange(totals.mentions(), totals.previousMentions())));
        BrandShare own = data.shareOfVoice().get(0);
        kpis.add(kpi(
                texts.get("kpi_share"),
                format.percent(own.share()),
                format.pointsChange(own.share(), own.previousShare())));
        BrandSentiment ownSentiment = data.sentiment().get(0);
        kpis.add(kpi(
                texts.get("kpi_sentiment"),
                format.net(ownSentiment.net()),
                format.pointsChange(ownSentiment.net(), ownSentiment.previousNet())));
        kpis.add(kpi(
                texts.get("kpi_reach"),
                format.compact(totals.reach()),
                format.countChange(totals.reach(), totals.previousReach())));
        return kpis;
    }

    private Map<String, Object> kpi(String label, String value, ReportFormat.Delta delta) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("label", label);
        k.put("value", value);
        k.put("delta", delta(delta));
        k.put("note", texts.get("vs_previous"));
        return k;
    }

    private static Map<String, Object> delta(ReportFormat.Delta d) {
        return Map.of("arrow", d.arrow(), "text", d.text(), "css", d.cssClass());
    }

    private List<Map<String, Object>> shares(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BrandShare s : data.shareOfVoice()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", s.name());
            r.put("own", s.own());
            r.put("mentions", format.integer(s.mentions()));
            r.put("share", format.percent(s.share()));
            r.put("delta", delta(format.pointsChange(s.share(), s.previousShare())));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> sentiments(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BrandSentiment s : data.sentiment()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", s.name());
            r.put("own", s.own());
            long total = s.total();
            r.put("positive", format.percent(total == 0 ? null : (double) s.positive() / total));
            r.put("neutral", format.percent(total == 0 ? null : (double) s.neutral() / total));
            r.put("negative", format.percent(total == 0 ? null : (double) s.negative() / total));
            r.put("net", format.net(s.net()));
            r.put("delta", delta(format.pointsChange(s.net(), s.previousNet())));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> stories(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (Story s : data.topStories()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rank", rank++);
            r.put("title", capped(s.title(), MAX_TITLE_LENGTH));
            r.put("url", safeUrl(s.url()));
            r.put("mentions", format.integer(s.mentions()));
            r.put("sources", format.integer(s.sources()));
            // curation scores are 0..1 in some models and 0..100 in others: two significant decimals either way
            r.put("curation", format.decimal(s.curationScore(), s.curationScore() >= 10 ? 0 : 2));
            r.put("reach", format.compact(s.reach()));
            if (!s.outlets().isEmpty()) {
                // the outlets that carried the event, and its languages when more than one
                StringBuilder outlets = new StringBuilder(String.join(", ", s.outlets()));
                if (s.sources() > s.outlets().size()) {
                    outlets.append(" +")
                            .append(format.integer(s.sources() - s.outlets().size()));
                }
                if (s.languages().size() > 1) {
                    outlets.append(" · ").append(String.join("/", s.languages()).toUpperCase(java.util.Locale.ROOT));
                }
                r.put("outlets", outlets.toString());
            }
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> authors(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Author a : data.topAuthors()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", capped(a.name(), MAX_NAME_LENGTH));
            r.put(
                    "handle",
                    a.handle() == null || a.handle().equals(a.name()) ? null : capped(a.handle(), MAX_NAME_LENGTH));
            r.put("platform", platform(a.sourceType()));
            r.put("followers", format.compact(a.followers()));
            r.put("reach", format.compact(a.reach()));
            r.put("mentions", format.integer(a.mentions()));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> themes(WeeklyReportData data, boolean rising) {
        List<ThemeTrend> trends = new ArrayList<>(data.themes());
        if (!rising) {
            java.util.Collections.reverse(trends);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ThemeTrend t : trends) {
            if (rows.size() == THEMES_SHOWN || (rising ? t.delta() <= 0 : t.delta() >= 0)) {
                break;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", t.label());
            r.put("mentions", format.integer(t.mentions()));
            r.put("delta", delta(format.countDelta(t.mentions(), t.previousMentions())));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> pageGroups(WeeklyReportData data) {
        Map<String, List<Map<String, Object>>> byCompetitor = new LinkedHashMap<>();
        for (PageChange c : data.pageChanges()) {
            Map<String, Object> r = new LinkedHashMap<>();
            String kind = KINDS.contains(c.kind()) ? c.kind() : "other";
            r.put("date", format.date(c.changedAt().atZone(scope.zone()).toLocalDate()));
            r.put("kind", kind);
            r.put("kindLabel", texts.get("kind_" + kind));
            r.put("page", shortUrl(c.url()));
            r.put("section", readableSection(c.section()));
            r.put("url", safeUrl(c.url()));
            r.put("added", lines(c.added()));
            r.put("removed", lines(c.removed()));
            byCompetitor.computeIfAbsent(c.competitor(), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byCompetitor.forEach((competitor, changes) -> groups.add(Map.of("competitor", competitor, "changes", changes)));
        return groups;
    }

    private static List<String> lines(List<String> lines) {
        List<String> shown = new ArrayList<>();
        for (String l : lines) {
            if (shown.size() == CHANGE_LINES_SHOWN) {
                shown.add("…");
                break;
            }
            shown.add(l.length() <= CHANGE_LINE_CHARS ? l : l.substring(0, CHANGE_LINE_CHARS) + "…");
        }
        return shown;
    }

    private List<Map<String, Object>> alerts(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AlertHits a : data.alerts()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rule", a.rule());
            r.put("hits", format.integer(a.mentions()));
            List<Map<String, Object>> examples = new ArrayList<>();
            for (MentionRef e : a.examples()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("title", capped(e.title(), MAX_TITLE_LENGTH));
                x.put("url", safeUrl(e.url()));
                x.put("source", e.source() == null ? "" : capped(e.source(), MAX_NAME_LENGTH));
                x.put(
                        "date",
                        e.publishedAt() == null
                                ? ""
                                : format.date(
                                        e.publishedAt().atZone(scope.zone()).toLocalDate()));
                examples.add(x);
            }
            r.put("examples", examples);
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> topSources(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TopSource s : data.topSources()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", capped(s.name(), MAX_NAME_LENGTH));
            r.put("platform", platform(s.type()));
            r.put("mentions", format.integer(s.mentions()));
            r.put("share", format.percent(s.share()));
            r.put("delta", delta(format.countChange(s.mentions(), s.previousMentions())));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> alertActivity(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AlertActivity a : data.alertActivity()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rule", a.rule());
            r.put(
                    "every",
                    a.every() == null
                            ? ""
                            : FREQUENCIES.contains(a.every()) ? texts.get("every_" + a.every()) : a.every());
            r.put("hits", format.integer(a.hits()));
            r.put("delta", delta(format.countDelta(a.hits(), a.previousHits())));
            r.put("emailed", format.integer(a.emailed()));
            r.put("emails", format.integer(a.emails()));
            r.put("recipients", format.integer(a.recipients()));
            r.put("pending", format.integer(a.pending()));
            r.put("terms", String.join(", ", a.matchedTerms()));
            r.put(
                    "line",
                    texts.format(
                            "alert_line",
                            a.rule(),
                            format.integer(a.hits()),
                            format.integer(a.emailed()),
                            format.integer(a.emails()),
                            format.integer(a.pending())));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> spikes(WeeklyReportData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Spike s : data.spikes()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put(
                    "line",
                    texts.format(
                            "spike_line",
                            format.longDay(s.day()),
                            format.integer(s.mentions()),
                            format.decimal(s.mentions() / Math.max(s.baseline(), 1.0), 1),
                            format.decimal(s.baseline(), 1)));
            r.put("stories", named(s.stories()));
            r.put("authors", named(s.authors()));
            rows.add(r);
        }
        return rows;
    }

    private List<Map<String, Object>> named(List<NamedCount> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NamedCount c : counts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", capped(c.name(), MAX_TITLE_LENGTH));
            r.put("url", safeUrl(c.url()));
            r.put("mentions", format.integer(c.mentions()));
            rows.add(r);
        }
        return rows;
    }

    /** The source types of the data contract as people write them. */
    static String platform(String sourceType) {
        if (sourceType == null) {
            return "";
        }
        return switch (sourceType.toLowerCase(Locale.ROOT)) {
            case "rss", "atom", "feed" -> "RSS";
            case "mastodon" -> "Mastodon";
            case "bluesky" -> "Bluesky";
            case "reddit" -> "Reddit";
            case "hackernews" -> "Hacker News";
            default -> sourceType;
        };
    }

    /** Only web links are clickable in the report; anything else is shown as text. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.length() > MAX_LINK_LENGTH) {
            return null;
        }
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    /**
     * Text from feeds and platforms cut to {@code max} characters at a word, with {@code …}: a 100,000-character
     * title would otherwise fill the email and take minutes to lay out in the PDF.
     */
    static String capped(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        } else if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /** A section name people wrote ("Tarifs"), not the CSS selector the page watch uses ("main .pricing"). */
    static String readableSection(String section) {
        if (section == null || section.isBlank() || section.matches(".*[.#>\\[:].*")) {
            return null;
        }
        return capped(section.strip(), MAX_NAME_LENGTH);
    }

    private static String shortUrl(String url) {
        String s = url.replaceFirst("^https?://", "");
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
