/**
 * The weekly competitive veille report: {@code vigie report --watch acme.yaml [--week 2026-W47]}.
 *
 * <p>Three layers, each usable on its own:
 * <ol>
 *   <li>{@link dev.vigie.jobs.report.WeeklyReportQuery} reads one ISO week (and the four before it, for the
 *       comparisons and the day-of-week baseline) from Elasticsearch with aggregations only, always filtered on the
 *       watch, into an immutable {@link dev.vigie.jobs.report.WeeklyReportData};</li>
 *   <li>{@link dev.vigie.jobs.report.WeeklyReport} renders that data as HTML (Mustache, charts drawn by JFreeChart
 *       and embedded as PNG data URIs) and as PDF (openhtmltopdf, with the bundled DejaVu Sans font), in French or
 *       English;</li>
 *   <li>{@link dev.vigie.jobs.report.ReportCommand} ties them to the command line and the mailer.</li>
 * </ol>
 *
 * <p>Other jobs (the demo) call {@link dev.vigie.jobs.report.WeeklyReport#generate} directly.
 */
package dev.vigie.jobs.report;
