package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.report.internal.ReportFormat;
import dev.vigie.jobs.report.internal.ReportFormat.Trend;
import dev.vigie.jobs.report.internal.ReportTexts;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    private static ReportFormat format(Locale locale) {
        return new ReportFormat(locale, new ReportTexts(locale));
    }

    /** French uses no-break spaces; compare with plain ones. */
    private static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void changesOfCountsHaveADirectionAndReadableText() {
        ReportFormat en = format(Locale.UK);
        assertThat(en.countChange(150, 100)).isEqualTo(new ReportFormat.Delta(Trend.UP, "+50%"));
        assertThat(en.countChange(50, 100)).isEqualTo(new ReportFormat.Delta(Trend.DOWN, "\u221250%"));
        assertThat(en.countChange(7, 0)).isEqualTo(new ReportFormat.Delta(Trend.NEW, "new"));
        assertThat(en.countChange(3_000, 14).text()).isEqualTo("\u00d7214");
        assertThat(en.countChange(0, 0).trend()).isEqualTo(Trend.NONE);
        assertThat(plain(format(Locale.FRANCE).countChange(150, 100).text())).isEqualTo("+50 %");
    }

    @Test
    void pointsOfSharesAndSentimentUseTheLocaleDecimalSeparator() {
        assertThat(format(Locale.UK).pointsChange(0.53, 0.48).text()).isEqualTo("+5 pts");
        assertThat(plain(format(Locale.FRANCE).pointsChange(0.528, 0.48).text()))
                .isEqualTo("+4,8 pts");
        assertThat(format(Locale.UK).pointsChange(null, 0.4).trend()).isEqualTo(Trend.NONE);
        assertThat(format(Locale.UK).net(-0.32)).isEqualTo("\u221232");
    }

    @Test
    void datesAndLargeNumbersPerLocale() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertThat(format(Locale.UK).weekRange(monday, monday.plusDays(6)))
                .isEqualTo("30 November \u2013 6 December 2026");
        assertThat(format(Locale.FRANCE).weekRange(monday.minusDays(14), monday.minusDays(8)))
                .isEqualTo("16 \u2013 22 novembre 2026");
        assertThat(format(Locale.FRANCE).longDay(monday)).isEqualTo("Lundi 30 novembre");
        assertThat(plain(format(Locale.FRANCE).integer(1_234_567))).isEqualTo("1 234 567");
        assertThat(format(Locale.UK).compact(2_450_000)).isEqualTo("2.5M");
        assertThat(format(Locale.UK).compact(9_999)).isEqualTo("9,999");
    }
}
