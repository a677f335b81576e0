/**
 * How the weekly report is drawn: the view model with locale-aware formatting, the JFreeChart charts, the
 * translations and the PDF conversion. Nothing outside {@code dev.vigie.jobs.report} uses these classes.
 */
package dev.vigie.jobs.report.internal;
