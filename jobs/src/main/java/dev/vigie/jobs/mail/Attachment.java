package dev.vigie.jobs.mail;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file attached to an email, or, with a {@code contentId}, an image shown inside the HTML part
 * ({@code <img src="cid:chart-volume">}).
 *
 * @param filename    file name shown to the reader; path separators and control characters are refused
 * @param contentType MIME type, e.g. {@code application/pdf}
 * @param content     the bytes (copied)
 * @param contentId   {@code null} for a plain attachment, else the id the HTML refers to ({@code [A-Za-z0-9._-]+})
 */
public record Attachment(String filename, String contentType, byte[] content, String contentId) {
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+");
    private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9._-]+");

    public Attachment {
        if (filename == null
                || filename.isBlank()
                || filename.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\' || c == 0x7f)) {
            throw new IllegalArgumentException("attachment file name '" + filename + "' must be a plain file name");
        }
        if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("attachment content type '" + contentType + "' is not type/subtype");
        }
        content = Objects.requireNonNull(content, "content").clone();
        if (contentId != null && !CONTENT_ID.matcher(contentId).matches()) {
            throw new IllegalArgumentException("content id '" + contentId + "' must match [A-Za-z0-9._-]+");
        }
    }

    /** A plain attachment. */
    public static Attachment of(String filename, String contentType, byte[] content) {
        return new Attachment(filename, contentType, content, null);
    }

    /** An image shown inside the HTML part as {@code cid:contentId}. */
    public static Attachment inline(String contentId, String filename, String contentType, byte[] content) {
        return new Attachment(filename, contentType, content, Objects.requireNonNull(contentId, "contentId"));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public boolean isInline() {
        return contentId != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a
                && filename.equals(a.filename)
                && contentType.equals(a.contentType)
                && Arrays.equals(content, a.content)
                && Objects.equals(contentId, a.contentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, contentType, Arrays.hashCode(content), contentId);
    }

    @Override
    public String toString() {
        return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes"
                + (contentId == null ? "" : ", cid:" + contentId) + "]";
    }
}
