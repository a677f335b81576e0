/**
 * Emails: the {@link dev.vigie.jobs.mail.Mailer} (SMTP with Jakarta Mail, or {@code .eml} files in an outbox folder
 * when the watch names no SMTP server) and the keyword alert digests.
 *
 * <p>The run job hands the alert hits of a run to {@link dev.vigie.jobs.mail.AlertDispatcher#dispatch}, which records
 * them in the {@code vigie-alerts} index, sends the digests that are due ({@code every: run | day | week}) and marks
 * what was sent, so that nothing is emailed twice for the same rule and recipient, and nothing is lost when the SMTP
 * server is down. Everything that comes from a feed or a page is escaped: it cannot inject HTML, links or headers.
 *
 * <pre>{@code
 * Mailer mailer = Mailer.create(watch.mail());
 * mailer.send(MailMessage.builder().to("a@b.example").subject("Weekly report")
 *         .text(text).html(html).attach(Attachment.of("report.pdf", "application/pdf", pdf)).build());
 * }</pre>
 */
package dev.vigie.jobs.mail;
