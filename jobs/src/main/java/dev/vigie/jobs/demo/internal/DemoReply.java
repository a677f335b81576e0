package dev.vigie.jobs.demo.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the demo server answers: a status, headers and a body (empty for 304). */
public record DemoReply(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";

    public DemoReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        body = Objects.requireNonNull(body, "body").clone();
    }

    public static DemoReply ok(String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        return new DemoReply(200, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public static DemoReply error(int status, String contentType, String body) {
        return new DemoReply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
