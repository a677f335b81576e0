package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's searches as sent, without Elasticsearch. */
class ReportRequestsTest {
    private static final IsoWeek WEEK = IsoWeek.parse("2026-W10");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void everySearchIsFilteredOnTheWatchAndReadsItsOwnIndex() {
        List<SearchRequest> requests = List.of(
                ReportRequests.mentions("acme", WEEK, PARIS, "fr", 4),
                ReportRequests.pageChanges("acme", WEEK, PARIS),
                ReportRequests.alerts("acme", WEEK, PARIS));

        assertThat(requests)
                .extracting(SearchRequest::index)
                .containsExactly(List.of("vigie-mentions"), List.of("vigie-page-changes"), List.of("vigie-alerts"));
        assertThat(requests)
                .allSatisfy(r -> assertThat(
                                r.query().bool().filter().get(0).term().value().stringValue())
                        .isEqualTo("acme"));
    }

    @Test
    void theMentionsSearchCountsDaysFromTheFirstBaselineWeekInTheWatchsTimeZone() {
        SearchRequest mentions = ReportRequests.mentions("acme", WEEK, PARIS, "fr", 4);

        assertThat(mentions.size()).as("aggregations only").isZero();
        assertThat(mentions.aggregations().get("per_day").dateHistogram().timeZone())
                .isEqualTo("Europe/Paris");
        assertThat(mentions.aggregations()
                        .get("per_day")
                        .dateHistogram()
                        .extendedBounds()
                        .min()
                        .expr())
                .isEqualTo(WEEK.minusWeeks(4).monday().toString());
        assertThat(mentions.query().bool().filter().get(1).range().date().gte())
                .isEqualTo(WEEK.minusWeeks(4).start(PARIS).toString());
        assertThat(mentions.aggregations().get("week").aggregations()).containsKeys("stories", "days", "alerts");
        assertThat(mentions.aggregations().get("previous").aggregations())
                .as("the week before: totals only")
                .doesNotContainKeys("stories", "days", "alerts");
    }
}
