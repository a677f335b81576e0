package dev.vigie.jobs.demo.internal;

import dev.vigie.jobs.demo.DemoPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A feed or a page served like a well-behaved web server does: a strong {@code ETag} computed from the body, a
 * {@code Last-Modified} that moves when the body changes, and {@code 304 Not Modified} for a conditional request
 * whose validators still hold ({@code If-None-Match} wins over {@code If-Modified-Since}, RFC 9110 13.2.2). A page
 * with noise (a timestamp, a visitor counter) changes body on every request, so it never answers 304: that is the
 * page change detector's job to see through.
 */
public final class ValidatedFile {

    private final String file;
    private final String contentType;
    private final Supplier<Instant> clock;
    private final Instant anchor;
    private final AtomicInteger visitors;
    private String etag;
    private Instant lastModified;

    /**
     * @param file        the template, relative to {@link DemoTemplates#ROOT}
     * @param contentType the {@code Content-Type} to answer with
     * @param anchor      what the templates' {@code ago} counts back from
     * @param clock       the time of requests
     */
    public ValidatedFile(String file, String contentType, Instant anchor, Supplier<Instant> clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visitors = new AtomicInteger(1200 + Math.floorMod(file.hashCode(), 300));
        if (!DemoTemplates.exists(file)) {
            throw new IllegalArgumentException("no bundled demo file " + file);
        }
    }

    public String file() {
        return file;
    }

    /** Answers a GET of this file in {@code phase}. */
    public synchronized DemoReply answer(DemoRequest request, DemoPhase phase) {
        Instant now = clock.get();
        String body = DemoTemplates.render(DemoTemplates.load(file), phase, anchor, now, visitors::incrementAndGet);
        String tag = "\"" + sha256(body).substring(0, 20) + "\"";
        Instant second = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!tag.equals(etag)) {
            lastModified = lastModified == null || second.isAfter(lastModified) ? second : lastModified.plusSeconds(1);
            etag = tag;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        headers.put("Last-Modified", http(lastModified));
        headers.put("Cache-Control", "no-cache");
        if (notModified(request)) {
            return new DemoReply(304, headers, new byte[0]);
        }
        return DemoReply.ok(contentType, body, headers);
    }

    private boolean notModified(DemoRequest request) {
        var ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            for (String candidate : ifNoneMatch.get().split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        var ifModifiedSince = request.header("If-Modified-Since");
        if (ifModifiedSince.isPresent()) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String http(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
