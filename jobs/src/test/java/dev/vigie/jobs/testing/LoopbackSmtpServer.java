package dev.vigie.jobs.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server on loopback (RFC 5321's plain dialogue: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that a test can
 * make misbehave the way real servers do: {@link #holdAcknowledgements()} makes it receive the whole message and then
 * keep its {@code 250} until {@link #releaseAcknowledgements()} (a server slower than the client's time-out, which
 * has accepted the message all the same); {@link #refuseData(int)} answers DATA with an error code. A message counts as
 * received once its final {@code .} has arrived, as for a real server that accepts it.
 */
public final class LoopbackSmtpServer implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    /** A message as the server received it. */
    public record Received(List<String> recipients, String data) {
        public String messageId() {
            Matcher m = MESSAGE_ID.matcher(data);
            return m.find() ? m.group(1) : null;
        }
    }

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Semaphore arrived = new Semaphore(0);
    private volatile CountDownLatch acknowledgements = new CountDownLatch(0);
    private volatile int dataRefusal;

    private LoopbackSmtpServer(ServerSocket server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static LoopbackSmtpServer start() throws IOException {
        LoopbackSmtpServer smtp = new LoopbackSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(smtp::accept, "loopback-smtp-" + smtp.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return smtp;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, every message's {@code 250} waits for {@link #releaseAcknowledgements()}. */
    public void holdAcknowledgements() {
        acknowledgements = new CountDownLatch(1);
    }

    /** Sends the held acknowledgements (to clients that may have given up) and stops holding them. */
    public void releaseAcknowledgements() {
        acknowledgements.countDown();
    }

    /** Answers DATA with {@code code} (e.g. 451 or 554) from now on; 0 accepts again. */
    public void refuseData(int code) {
        dataRefusal = code;
    }

    /** Waits until {@code count} more messages have fully arrived. */
    public boolean awaitMessages(int count, long timeout, TimeUnit unit) throws InterruptedException {
        return arrived.tryAcquire(count, timeout, unit);
    }

    /** Every message fully received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The messages received for {@code recipient}. */
    public List<Received> receivedFor(String recipient) {
        return received.stream()
                .filter(r -> r.recipients().contains(recipient.toLowerCase(Locale.ROOT)))
                .toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "loopback-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 loopback ESMTP test server");
            List<String> recipients = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4
                        ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-loopback\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 loopback");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        Matcher m = Pattern.compile("<([^>]*)>").matcher(line);
                        recipients.add(m.find() ? m.group(1).toLowerCase(Locale.ROOT) : line);
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        if (dataRefusal != 0) {
                            reply(out, dataRefusal + " refused by the test");
                            continue;
                        }
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                        }
                        received.add(new Received(List.copyOf(recipients), data.toString()));
                        arrived.release();
                        CountDownLatch gate = acknowledgements;
                        gate.await(5, TimeUnit.MINUTES);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        releaseAcknowledgements();
        server.close();
    }
}
