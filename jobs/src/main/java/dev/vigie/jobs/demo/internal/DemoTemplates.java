package dev.vigie.jobs.demo.internal;

import dev.vigie.jobs.demo.DemoPhase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the demo's bundled files. The files are kept in their real formats (valid XML, HTML and JSON) with a few
 * markers, so they stay readable and checkable as they are:
 * <ul>
 *   <li>{@code <!--phase:N-->...<!--/phase:N-->}: kept only in phase N (the second run's new items and page
 *   changes);</li>
 *   <li>{@code {{ago:MINUTES:FORMAT}}}: the demo's anchor time (the moment the server started) minus MINUTES, so
 *   the data is always a few weeks old at most and the weekly report has this week and last week;</li>
 *   <li>{@code {{now:FORMAT}}}: the time of the request (noise on a page: "generated at");</li>
 *   <li>{@code {{visitors}}}: a visitor counter that grows with every request (noise on a page).</li>
 * </ul>
 * FORMAT is {@code iso} (2024-06-01T08:30:00.000Z), {@code rfc1123} (RSS and HTTP dates), {@code date}
 * (2024-06-01), {@code epoch} (seconds) or {@code epochf} (seconds with {@code .0}, as Reddit writes them). A
 * numeric format written inside JSON quotes ({@code "{{ago:90:epoch}}"}) becomes a bare JSON number.
 */
public final class DemoTemplates {

    /** Folder of the bundled data on the class path. */
    public static final String ROOT = "demo/";

    private static final Pattern PHASE_BLOCK =
            Pattern.compile("<!--phase:(\\d)-->(.*?)<!--/phase:\\1-->", Pattern.DOTALL);
    private static final Pattern QUOTED_NUMBER = Pattern.compile("\"\\{\\{ago:(\\d+):(epoch|epochf)}}\"");
    private static final Pattern AGO = Pattern.compile("\\{\\{ago:(\\d+):(\\w+)}}");
    private static final Pattern NOW = Pattern.compile("\\{\\{now:(\\w+)}}");
    private static final String VISITORS = "{{visitors}}";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DemoTemplates() {}

    /** The text of a bundled file, {@code path} relative to {@link #ROOT}. */
    public static String load(String path) {
        String resource = ROOT + path;
        try (InputStream in = DemoTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled demo file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled demo file " + resource, e);
        }
    }

    /** Whether a bundled file exists, {@code path} relative to {@link #ROOT}. */
    public static boolean exists(String path) {
        return DemoTemplates.class.getClassLoader().getResource(ROOT + path) != null;
    }

    /**
     * Renders {@code template} for {@code phase}.
     *
     * @param anchor   what {@code ago} counts back from
     * @param now      the time of the request
     * @param visitors the next value of the page's visitor counter (called only when the page has one)
     * @throws IllegalStateException when a marker is left that this class does not know (a typo in a data file)
     */
    public static String render(String template, DemoPhase phase, Instant anchor, Instant now, IntSupplier visitors) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(phase, "phase");
        String text =
                replace(PHASE_BLOCK, template, m -> Integer.parseInt(m.group(1)) == phase.number() ? m.group(2) : "");
        text = replace(QUOTED_NUMBER, text, m -> format(ago(anchor, m.group(1)), m.group(2)));
        text = replace(AGO, text, m -> format(ago(anchor, m.group(1)), m.group(2)));
        text = replace(NOW, text, m -> format(now, m.group(1)));
        if (text.contains(VISITORS)) {
            text = text.replace(VISITORS, Integer.toString(visitors.getAsInt()));
        }
        int left = text.indexOf("{{");
        if (left >= 0) {
            throw new IllegalStateException("unknown demo template marker near '"
                    + text.substring(left, Math.min(text.length(), left + 40)) + "'");
        }
        return text;
    }

    /** Formats an instant as the templates' FORMAT names it. */
    public static String format(Instant instant, String format) {
        return switch (format) {
            case "iso" -> ISO.format(instant);
            case "rfc1123" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
            case "date" -> DATE.format(instant);
            case "epoch" -> Long.toString(instant.getEpochSecond());
            case "epochf" -> instant.getEpochSecond() + ".0";
            default -> throw new IllegalStateException("unknown demo date format '" + format + "'");
        };
    }

    private static Instant ago(Instant anchor, String minutes) {
        return anchor.minus(Duration.ofMinutes(Long.parseLong(minutes)));
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
