package dev.vigie.connectors.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and stops reading beyond it, so an oversized or endless body costs at most
 * the cap. An error while the body streams (connection closed early) is reported as {@link TruncatedException}.
 */
public final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long cap;
    private final long declaredLength;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private boolean done;

    /** The body is larger than the cap. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    /** The body ended early. */
    public static final class TruncatedException extends IOException {
        public TruncatedException(long received, Throwable cause) {
            super("connection ended after " + received + " body bytes: " + cause.getMessage(), cause);
        }
    }

    public CappedBodySubscriber(long cap, long declaredLength) {
        this.cap = cap;
        this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredLength > cap) {
            done = true;
            s.cancel();
            result.completeExceptionally(new TooLargeException(
                    "declared Content-Length " + declaredLength + " exceeds the cap of " + cap + " bytes"));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer b : items) {
            if (out.size() + (long) b.remaining() > cap) {
                done = true;
                subscription.cancel();
                result.completeExceptionally(new TooLargeException("body exceeds the cap of " + cap + " bytes"));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        if (!done) {
            done = true;
            result.completeExceptionally(new TruncatedException(out.size(), t));
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            result.complete(out.toByteArray());
        }
    }
}
