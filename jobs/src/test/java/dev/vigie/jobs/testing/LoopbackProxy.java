package dev.vigie.jobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a real server, that a test can {@link #cut()} (every connection closed, new
 * ones refused) and {@link #restore()} on the same port: how a test makes Elasticsearch unavailable for a while. It
 * can also make the server slow ({@link #latency(Duration)}), stop answering one kind of request after a number of
 * them ({@link #holdRequestsAfter(String, int)}), and counts the connections a client opened through it, the
 * connections it {@link #refuse() refused} and the requests of one kind it saw ({@link #countRequests(String)}), so
 * that a test waits for what a client did instead of sleeping.
 */
public final class LoopbackProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long latencyMillis;
    private volatile byte[] holdMarker;
    private volatile int holdAllowed;
    private final AtomicInteger markersSeen = new AtomicInteger();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile ServerSocket server;
    private volatile boolean refusing;
    /** Connections closed at once while refusing, and requests seen with the counted marker; guarded by this. */
    private int refused;

    private volatile byte[] countMarker;
    private int counted;

    private LoopbackProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Starts a proxy to {@code targetUrl}'s host and port, on a free loopback port. */
    public static LoopbackProxy start(URI targetUrl) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        LoopbackProxy proxy = new LoopbackProxy(new InetSocketAddress(targetUrl.getHost(), targetUrl.getPort()), port);
        proxy.restore();
        return proxy;
    }

    /** The proxy's URL, {@code http://127.0.0.1:port}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Delays every chunk of bytes the server sends back by {@code latency}: a server that is slow to answer. */
    public void latency(Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    /**
     * Lets the first {@code allowed} requests whose bytes contain {@code marker} (a request line such as
     * {@code "POST /_bulk"}) through, and holds every later one: its bytes are not forwarded until {@link #close()},
     * so the server never answers it, while other requests and the answers to the allowed ones go on. How a test
     * stops a client at a known point without timing it.
     */
    public void holdRequestsAfter(String marker, int allowed) {
        this.holdAllowed = allowed;
        this.holdMarker = marker.getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits until a request is held (see {@link #holdRequestsAfter}); false if none was within {@code max}. */
    public boolean awaitHolding(Duration max) throws InterruptedException {
        return holding.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Connections accepted so far. A client that keeps connections alive and opens one only when all of its open
     * ones are busy (Elasticsearch's REST client) opens as many as it had requests in flight at its busiest.
     */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /**
     * Counts the requests whose bytes contain {@code marker} (a request line such as {@code "POST /_bulk"}), for
     * {@link #awaitRequests}.
     */
    public void countRequests(String marker) {
        this.countMarker = marker.getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits until {@code requests} requests with the counted marker were seen; false if not within {@code max}. */
    public boolean awaitRequests(int requests, Duration max) throws InterruptedException {
        return awaitCount(() -> counted >= requests, max);
    }

    /**
     * Closes every connection, and until {@link #restore()} accepts new ones only to close them at once, counting
     * them: a server that is down, whose client's attempts to reach it {@link #awaitRefused} can wait for.
     */
    public synchronized void refuse() throws IOException {
        cut();
        refusing = true;
        listen();
    }

    /** Waits until {@code attempts} connections were refused; false if not within {@code max}. */
    public boolean awaitRefused(int attempts, Duration max) throws InterruptedException {
        return awaitCount(() -> refused >= attempts, max);
    }

    private synchronized boolean awaitCount(java.util.function.BooleanSupplier reached, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!reached.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Closes every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        ServerSocket current = server;
        server = null;
        if (current != null) {
            current.close();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        refusing = false;
        listen();
    }

    private synchronized void listen() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "loopback-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                // registered under the lock cut() holds: a connection accepted while cut() runs is closed, never
                // left open behind it
                synchronized (this) {
                    if (server != socket) {
                        client.close();
                        continue;
                    }
                    if (refusing) {
                        client.close();
                        refused++;
                        notifyAll();
                        continue;
                    }
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    accepted.incrementAndGet();
                    sockets.add(client);
                    sockets.add(upstream);
                    pipe(client, upstream, false);
                    pipe(upstream, client, true);
                }
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection closed
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean answers) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        byte[] buffer = new byte[8192];
                        byte[] carried = new byte[0];
                        byte[] countCarried = new byte[0];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            byte[] toCount = answers ? null : countMarker;
                            if (toCount != null) {
                                byte[] window = new byte[countCarried.length + n];
                                System.arraycopy(countCarried, 0, window, 0, countCarried.length);
                                System.arraycopy(buffer, 0, window, countCarried.length, n);
                                for (int at = indexOf(window, toCount, 0);
                                        at >= 0;
                                        at = indexOf(window, toCount, at + 1)) {
                                    synchronized (LoopbackProxy.this) {
                                        counted++;
                                        LoopbackProxy.this.notifyAll();
                                    }
                                }
                                countCarried = Arrays.copyOfRange(
                                        window, Math.max(0, window.length - toCount.length + 1), window.length);
                            }
                            byte[] marker = answers ? null : holdMarker;
                            if (marker != null) {
                                // the marker may straddle two reads: search it in the end of the last read plus this
                                // one
                                byte[] window = new byte[carried.length + n];
                                System.arraycopy(carried, 0, window, 0, carried.length);
                                System.arraycopy(buffer, 0, window, carried.length, n);
                                for (int at = indexOf(window, marker, 0);
                                        at >= 0;
                                        at = indexOf(window, marker, at + 1)) {
                                    if (markersSeen.incrementAndGet() > holdAllowed) {
                                        out.write(buffer, 0, Math.max(0, at - carried.length));
                                        out.flush();
                                        holding.countDown();
                                        released.await();
                                        return;
                                    }
                                }
                                carried = Arrays.copyOfRange(
                                        window, Math.max(0, window.length - marker.length + 1), window.length);
                            }
                            long delay = answers ? latencyMillis : 0;
                            if (delay > 0) {
                                Thread.sleep(delay);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // a side closed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "loopback-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        cut();
    }
}
