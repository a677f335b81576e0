package dev.vigie.jobs.mail.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The alert e-mails' Mustache templates, read from {@code dev/vigie/jobs/mail} on the class path. */
final class MailTemplates {
    private static final String FOLDER = "dev/vigie/jobs/mail";

    private MailTemplates() {}

    /** An HTML template: every value is HTML-escaped. */
    static Mustache html(String name) {
        return new DefaultMustacheFactory(FOLDER).compile(name);
    }

    /** A plain-text template: values are written as they are (they are cleaned before rendering). */
    static Mustache text(String name) {
        return new DefaultMustacheFactory(FOLDER) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }.compile(name);
    }
}
