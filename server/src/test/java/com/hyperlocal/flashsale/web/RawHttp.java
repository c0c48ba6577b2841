package com.hyperlocal.flashsale.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bytes over a plain socket, for requests no HTTP client would send: the answer is read until the
 * server closes the connection (every request here says {@code Connection: close} or is one the
 * server must close on).
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawHttp() {}

    record Answer(int status, String head, byte[] body, boolean headOnly) {

        Answer(int status, String head, byte[] body) {
            this(status, head, body, false);
        }

        Answer asHeadOnly() {
            return new Answer(status, head, body, true);
        }

        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).trim();
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblemJson() {
            String type = contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                return false;
            }
            if (body.length == 0 && headOnly) {
                return true;
            }
            try {
                JsonNode json = json();
                return json.path("type").asString("").startsWith("urn:flashsale:problem:")
                        && json.path("status").asInt() == status
                        && json.has("title")
                        && json.has("detail")
                        && !json.has("trace")
                        && !json.has("exception");
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            String text = bodyText();
            return head.split("\r\n")[0] + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may refuse and close before all is written; its answer is still there
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer, or what arrived before the connection closed. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer (the server closed on an unread body)
        }
        return parse(all.toByteArray());
    }

    static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            return new Answer(-1, text, new byte[0]);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        if (status == 100) { // Expect: 100-continue; the real answer follows
            return parse(java.util.Arrays.copyOfRange(raw, end + 4, raw.length));
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, head, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A request with a body; {@code Content-Length} from the body unless a header in {@code headers} sets it. */
    static byte[] request(String method, String target, String headers, byte[] body) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n")
                .append(headers);
        if (body != null
                && !headers.toLowerCase(Locale.ROOT).contains("content-length")
                && !headers.toLowerCase(Locale.ROOT).contains("transfer-encoding")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = bytes(head.toString());
        if (body == null) {
            return start;
        }
        byte[] all = java.util.Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }
}
