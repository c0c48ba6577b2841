package com.hyperlocal.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten-megabyte bodies, declared and chunked, two dozen at once: each is refused 413 problem+json
 * without being read, and the server's heap (this JVM's: the server runs in it) is the same after
 * as before, where reading them would have needed 240 MB.
 */
@IntegrationTest
class LargeBodyTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final int AT_ONCE = 24;

    @LocalServerPort
    int port;

    @Test
    void tenMegabyteBodiesAreRefusedUnreadAndLeaveTheHeapAsItWas() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Large bodies", 3, 4, 10);
        String path = "/api/v1/deals/" + deal + "/claims";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        AtomicLong peak = new AtomicLong(before);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE + 1);
        try {
            Future<?> sampler = pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            List<Future<RawHttp.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                boolean chunked = i % 2 == 1;
                answers.add(pool.submit(() -> send(path, chunked)));
            }
            for (Future<RawHttp.Answer> answer : answers) {
                RawHttp.Answer a = answer.get(60, TimeUnit.SECONDS);
                assertThat(a.status()).as(a.toString()).isEqualTo(413);
                assertThat(a.isProblemJson()).as(a.toString()).isTrue();
                assertThat(a.json().get("type").asString()).isEqualTo("urn:flashsale:problem:payload-too-large");
            }
            sampler.cancel(true);
        } finally {
            pool.shutdownNow();
        }
        long after = usedAfterGc(memory);
        System.out.printf(
                "10 MB bodies: %d x 413; heap used %d MB before, %d MB after, peak %d MB%n",
                AT_ONCE, before >> 20, after >> 20, peak.get() >> 20);
        assertThat(after - before).as("heap growth in bytes").isLessThan(32L << 20);
        assertThat(api.claim(deal, "small-body").status()).isEqualTo(201);
    }

    /** A 10 MB userId, with Content-Length or chunked; the writer stops once the server has answered. */
    private RawHttp.Answer send(String path, boolean chunked) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] prefix = RawHttp.utf8("{\"userId\":\"");
            String framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (TEN_MB + 13) + "\r\n";
            // A real shopper: an anonymous one is refused (401) before any body limit applies.
            String auth =
                    "Authorization: Bearer " + TestIssuer.shared().token("large-body-" + UUID.randomUUID()) + "\r\n";
            ExecutorService writer = Executors.newSingleThreadExecutor();
            writer.submit(() -> {
                try {
                    out.write(RawHttp.bytes("POST " + path
                            + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth + framing + "\r\n"));
                    byte[] piece = new byte[64 * 1024];
                    java.util.Arrays.fill(piece, (byte) 'u');
                    for (int sent = 0; sent < TEN_MB; sent += piece.length) {
                        byte[] data = sent == 0 ? withPrefix(prefix, piece) : piece;
                        if (chunked) {
                            out.write(RawHttp.bytes(Integer.toHexString(data.length) + "\r\n"));
                        }
                        out.write(data);
                        if (chunked) {
                            out.write(RawHttp.bytes("\r\n"));
                        }
                    }
                } catch (IOException e) {
                    // the server answered and closed: the rest is never sent
                }
                return null;
            });
            try {
                return RawHttp.read(socket.getInputStream());
            } finally {
                writer.shutdownNow();
            }
        }
    }

    private static byte[] withPrefix(byte[] prefix, byte[] piece) {
        byte[] first = java.util.Arrays.copyOf(prefix, prefix.length + piece.length);
        System.arraycopy(piece, 0, first, prefix.length, piece.length);
        return first;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
