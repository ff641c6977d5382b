package jp.twozeroseven.infra.loadtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for one task with a known capacity: {@code workers} requests at a time, each taking
 * {@code serviceMillis}, so it serves at most workers × 1000 / serviceMillis requests per second; above that,
 * requests queue and latency grows, as in a saturated Puma.
 */
final class FixedCapacityServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicLong served = new AtomicLong();
    private final int serviceMillis;
    private final int failEvery;

    /** @param failEvery answer every n-th request with 500; 0 never */
    FixedCapacityServer(int workerCount, int serviceMillis, int failEvery) throws IOException {
        this.serviceMillis = serviceMillis;
        this.failEvery = failEvery;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        this.workers = Executors.newFixedThreadPool(workerCount);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    double capacityRps(int workerCount) {
        return workerCount * 1000.0 / serviceMillis;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        try {
            Thread.sleep(serviceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long n = served.incrementAndGet();
        boolean fail = failEvery > 0 && n % failEvery == 0;
        byte[] reply = (fail ? "{\"error\":\"boom\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 500 : 200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
