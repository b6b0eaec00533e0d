package vn.investpulse.alerts.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on a free local port that records every POST (idempotency key and body) as it
 * arrives, and can hold the response to the first request with a given key — the window in which the
 * test kills the notifier.
 */
final class RecordingWebhookServer implements AutoCloseable {

    record Received(String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    RecordingWebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The first request with {@code key} gets no answer until the returned latch is released. */
    CountDownLatch holdFirst(String key) {
        CountDownLatch latch = new CountDownLatch(1);
        holds.put(key, latch);
        return latch;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    long count(String key) {
        return received.stream().filter(r -> r.idempotencyKey().equals(key)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(key, body));
            CountDownLatch hold = key == null ? null : holds.remove(key);
            if (hold != null) {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
