package dev.vigie.jobs.report.internal;

import dev.vigie.jobs.report.WeeklyReportData;
import dev.vigie.jobs.report.WeeklyReportData.BrandSentiment;
import dev.vigie.jobs.report.WeeklyReportData.BrandShare;
import dev.vigie.jobs.report.WeeklyReportData.DayVolume;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, drawn with JFreeChart as PNG images: embedded as {@code data:} URIs in the HTML file and the
 * PDF (one self-contained file), and as inline parts of the email (mail clients block {@code data:} images). Drawn
 * at twice their displayed size so they stay sharp when printed.
 */
public final class ReportCharts {

    static final int WIDTH = 760;
    static final int SCALE = 2;

    static final Color INK = new Color(0x1F2937);
    static final Color GRID = new Color(0xE5E7EB);
    static final Color THIS_WEEK = new Color(0x1D4ED8);
    static final Color PREVIOUS_WEEK = new Color(0xBFCBDC);
    static final Color BASELINE = new Color(0xD97706);
    static final Color POSITIVE = new Color(0x16A34A);
    static final Color NEUTRAL = new Color(0xCBD5E1);
    static final Color NEGATIVE = new Color(0xDC2626);

    private final ReportTexts texts;
    private final ReportFormat format;
    private final Locale locale;

    public ReportCharts(Locale locale, ReportTexts texts, ReportFormat format) {
        this.locale = locale;
        this.texts = texts;
        this.format = format;
    }

    /** Share of voice of each brand, this week against the week before, as horizontal bars. */
    public byte[] shareOfVoice(WeeklyReportData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (BrandShare s : data.shareOfVoice()) {
            ds.addValue(s.share() == null ? 0 : s.share(), texts.get("this_week"), s.name());
            ds.addValue(s.previousShare() == null ? 0 : s.previousShare(), texts.get("previous_week"), s.name());
        }
        BarRenderer bars = barRenderer(THIS_WEEK, PREVIOUS_WEEK);
        NumberAxis axis = new NumberAxis();
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(locale));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.08);
        CategoryPlot plot = plot(ds, axis, bars, PlotOrientation.HORIZONTAL);
        return png(chart(plot), WIDTH, 70 + 46 * Math.max(1, data.shareOfVoice().size()));
    }

    /** Mentions per day this week, the same days last week, and the day-of-week baseline when there is one. */
    public byte[] volumePerDay(WeeklyReportData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        DefaultCategoryDataset baseline = new DefaultCategoryDataset();
        for (DayVolume d : data.volumePerDay()) {
            String day = format.shortDay(d.day());
            ds.addValue(d.mentions(), texts.get("this_week"), day);
            ds.addValue(d.previousWeekMentions(), texts.get("previous_week"), day);
            if (data.baselineWeeks() > 0) {
                baseline.addValue(d.baseline(), texts.get("baseline"), day);
            }
        }
        NumberAxis axis = new NumberAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.08);
        CategoryPlot plot = plot(ds, axis, barRenderer(THIS_WEEK, PREVIOUS_WEEK), PlotOrientation.VERTICAL);
        if (data.baselineWeeks() > 0) {
            LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
            line.setSeriesPaint(0, BASELINE);
            line.setSeriesStroke(
                    0,
                    new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            plot.setDataset(1, baseline);
            plot.setRenderer(1, line);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        return png(chart(plot), WIDTH, 300);
    }

    /** Positive, neutral and negative share of each brand's mentions, as 100 % stacked bars. */
    public byte[] sentiment(WeeklyReportData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (BrandSentiment s : data.sentiment()) {
            ds.addValue(s.positive(), texts.get("sentiment_positive"), s.name());
            ds.addValue(s.neutral(), texts.get("sentiment_neutral"), s.name());
            ds.addValue(s.negative(), texts.get("sentiment_negative"), s.name());
        }
        StackedBarRenderer bars = new StackedBarRenderer(true);
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.5);
        bars.setSeriesPaint(0, POSITIVE);
        bars.setSeriesPaint(1, NEUTRAL);
        bars.setSeriesPaint(2, NEGATIVE);
        NumberAxis axis = new NumberAxis();
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(locale));
        axis.setRange(0, 1);
        CategoryPlot plot = plot(ds, axis, bars, PlotOrientation.HORIZONTAL);
        return png(chart(plot), WIDTH, 70 + 40 * Math.max(1, data.sentiment().size()));
    }

    private static BarRenderer barRenderer(Paint first, Paint second) {
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.35);
        bars.setSeriesPaint(0, first);
        bars.setSeriesPaint(1, second);
        return bars;
    }

    private static CategoryPlot plot(
            DefaultCategoryDataset ds, NumberAxis valueAxis, BarRenderer renderer, PlotOrientation orientation) {
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.03);
        categories.setUpperMargin(0.03);
        CategoryPlot plot = new CategoryPlot(ds, categories, valueAxis, renderer);
        plot.setOrientation(orientation);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        return plot;
    }

    private static JFreeChart chart(CategoryPlot plot) {
        JFreeChart chart = new JFreeChart(null, ReportFonts.regular(12f), plot, true);
        StandardChartTheme theme = new StandardChartTheme("vigie", false);
        theme.setExtraLargeFont(ReportFonts.bold(16f));
        theme.setLargeFont(ReportFonts.bold(13f));
        theme.setRegularFont(ReportFonts.regular(12f));
        theme.setSmallFont(ReportFonts.regular(11f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setRangeGridlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setItemLabelPaint(INK);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // The theme resets series paints to its own palette; keep the ones chosen per chart.
        Paint[] paints = new Paint[plot.getRendererCount() * 3];
        for (int r = 0; r < plot.getRendererCount(); r++) {
            for (int s = 0; s < 3; s++) {
                paints[r * 3 + s] = plot.getRenderer(r).getSeriesPaint(s);
            }
        }
        theme.apply(chart);
        for (int r = 0; r < plot.getRendererCount(); r++) {
            for (int s = 0; s < 3; s++) {
                if (paints[r * 3 + s] != null) {
                    plot.getRenderer(r).setSeriesPaint(s, paints[r * 3 + s]);
                }
            }
        }
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setAxisLineVisible(false);
        plot.getDomainAxis().setTickMarksVisible(false);
        plot.getRangeAxis().setAxisLineVisible(false);
        plot.getRangeAxis().setTickMarksVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));
        LegendTitle legend = chart.getLegend();
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(ReportFonts.regular(12f));
        chart.setPadding(new RectangleInsets(2, 2, 2, 18)); // room for the last tick label ("100 %")
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** A {@code data:} URI of a PNG image. */
    public static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, SCALE, SCALE);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart", e);
        }
    }
}
