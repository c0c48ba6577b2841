package com.hyperlocal.flashsale.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Malformed requests, generated: protocol-level garbage (request lines, versions, encodings,
 * headers, framing) and, for every endpoint, bad bodies, types, content types, ids and query
 * strings. Seeded, so a failure names a case that can be replayed.
 */
final class FuzzCases {

    /** One request as bytes; {@code protocolAnswer} marks the HTTP versions/codings Tomcat answers 505/501. */
    record Case(String name, byte[] bytes, boolean protocolAnswer) {}

    /** {@code auth}: the header that gets a request past authentication here, empty for public endpoints. */
    private record Endpoint(String method, String path, BodyKind body, String auth) {
        Endpoint(String method, String path, BodyKind body) {
            this(method, path, body, "");
        }
    }

    private enum BodyKind {
        NONE,
        CLAIM,
        DEAL,
        UPLOAD,
        MERCHANT
    }

    private final List<Case> cases = new ArrayList<>();
    private final Random random = new Random(14);
    private final UUID deal;
    private final String apiKey;

    private FuzzCases(UUID deal, String apiKey) {
        this.deal = deal;
        this.apiKey = apiKey;
    }

    /**
     * The protocol cases, then every endpoint's cases sent with the credential that passes its
     * authentication (the merchant's API key, the admin token), so they reach the body and
     * parameter handling; a protected endpoint also gets a few without or with a wrong one.
     */
    static List<Case> all(UUID deal, String apiKey, String adminToken) {
        FuzzCases fuzz = new FuzzCases(deal, apiKey);
        fuzz.protocol();
        for (Endpoint endpoint : fuzz.endpoints(adminToken)) {
            fuzz.requests(endpoint, endpoint.auth());
            if (!endpoint.auth().isEmpty()) {
                fuzz.unauthenticated(endpoint);
            }
        }
        return fuzz.cases;
    }

    private List<Endpoint> endpoints(String adminToken) {
        UUID claim = UUID.randomUUID();
        String merchant = "Authorization: Bearer " + apiKey + "\r\n";
        String admin = "Authorization: Bearer " + adminToken + "\r\n";
        return List.of(
                new Endpoint("GET", "/api/v1/ping", BodyKind.NONE),
                new Endpoint("POST", "/api/v1/deals", BodyKind.DEAL, merchant),
                new Endpoint("GET", "/api/v1/deals/" + deal, BodyKind.NONE),
                new Endpoint("GET", "/api/v1/deals/nearby?lat=12.9&lng=77.5&radiusKm=2", BodyKind.NONE),
                new Endpoint("POST", "/api/v1/deals/" + deal + "/claims", BodyKind.CLAIM),
                new Endpoint("GET", "/api/v1/claims/" + claim, BodyKind.NONE),
                new Endpoint("GET", "/api/v1/claims/" + claim + "/qr", BodyKind.NONE),
                new Endpoint("GET", "/.well-known/jwks.json", BodyKind.NONE),
                new Endpoint("GET", "/.well-known/voucher-configuration", BodyKind.NONE),
                new Endpoint("POST", "/api/v1/redemptions", BodyKind.UPLOAD, merchant),
                new Endpoint("GET", "/api/v1/merchant/redemptions?conflicts=true", BodyKind.NONE, merchant),
                new Endpoint("GET", "/api/v1/merchant/me", BodyKind.NONE, merchant),
                new Endpoint("GET", "/api/v1/merchant/deals/" + deal, BodyKind.NONE, merchant),
                new Endpoint("POST", "/api/v1/merchant/deals/" + UUID.randomUUID() + "/close", BodyKind.NONE, merchant),
                new Endpoint("POST", "/api/v1/admin/merchants", BodyKind.MERCHANT, admin),
                new Endpoint(
                        "DELETE", "/api/v1/admin/merchants/" + UUID.randomUUID() + "/keys/x", BodyKind.NONE, admin),
                new Endpoint("GET", "/actuator/health", BodyKind.NONE),
                new Endpoint("GET", "/v3/api-docs", BodyKind.NONE));
    }

    private void add(String name, byte[] bytes) {
        cases.add(new Case(name, bytes, false));
    }

    // --- protocol level ---------------------------------------------------------------------

    private void protocol() {
        for (String version : List.of("HTTP/1.2", "HTTP/2.0", "HTTP/3.0", "HTTP/9.9", "HTTP/0.0")) {
            cases.add(new Case(
                    "version " + version,
                    RawHttp.bytes("GET /api/v1/ping " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n"),
                    true));
        }
        for (String version : List.of("HTTP/11", "HTTP/1.")) { // Tomcat reads these as versions it lacks
            cases.add(new Case(
                    "version " + version,
                    RawHttp.bytes("GET /api/v1/ping " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n"),
                    true));
        }
        for (String version : List.of("HTTP/1.1x", "HTTX/1.1", "http/1.1", "HTTP/a.b")) {
            add("bad version " + version, RawHttp.bytes("GET /api/v1/ping " + version + "\r\nHost: x\r\n\r\n"));
        }
        // ("GET /" alone is HTTP/0.9, answered with a bare body and no status line to check.)
        for (String line : List.of(
                "GET",
                " / HTTP/1.1",
                "GET  / HTTP/1.1",
                "GET / HTTP/1.1 extra",
                "G\u0001T / HTTP/1.1",
                "GE(T / HTTP/1.1",
                "GET\t/\tHTTP/1.1",
                "GET /\u0000 HTTP/1.1",
                "GET /a b HTTP/1.1",
                "GET /\u007f HTTP/1.1",
                "GET /{} HTTP/1.1",
                "GET /a|b HTTP/1.1",
                "GET http://[::1 HTTP/1.1",
                "GET ftp://x/ HTTP/1.1",
                "GET * HTTP/1.1",
                "\r\n\r\nGET")) {
            add("request line " + printable(line), RawHttp.bytes(line + "\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            byte[] framed = java.util.Arrays.copyOf(garbage, garbage.length + 4);
            System.arraycopy(RawHttp.bytes("\r\n\r\n"), 0, framed, garbage.length, 4);
            add("random bytes #" + i, framed);
        }
        for (String target : List.of(
                "/api/v1/deals/nearby?%",
                "/api/v1/deals/nearby?lat=%zz&lng=1&radiusKm=1",
                "/api/v1/deals/nearby?lat=%&lng=%&radiusKm=%",
                "/api/v1/deals/nearby?lat=%c0%80&lng=1&radiusKm=1",
                "/api/v1/deals/nearby?lat=%ff%fe&lng=1&radiusKm=1",
                "/api/v1/deals/nearby?lat=1%00&lng=1&radiusKm=1",
                "/api/v1/%zz",
                "/api/v1/%",
                "/api/v1/deals/%00",
                "/api/v1/deals/%2e%2e/%2e%2e/actuator/env",
                "/actuator/health/../env",
                "/actuator/health/..;/env",
                "/actuator/../actuator/prometheus",
                "/api/v1/deals/..%2f..%2factuator",
                "//api//v1//ping",
                "/api/v1/ping/",
                "/api/v1/ping;jsessionid=x",
                "/api/v1/ping;a=b/../../actuator/env",
                "/%2e/api/v1/ping",
                "/api/v1/deals/%c0%ae%c0%ae/",
                "/error",
                "/error?x=1",
                "/actuator/env",
                "/actuator/prometheus",
                "/actuator/heapdump",
                "/actuator/health/db",
                "/swagger-ui/../../etc/passwd",
                "/api/v1/deals/nearby?lat=1e999&lng=1&radiusKm=1",
                "/api/v1/deals/nearby?lat=" + "9".repeat(5000) + "&lng=1&radiusKm=1",
                "/api/v1/deals/nearby?lat=1&lat=2&lng=1&radiusKm=1",
                "/api/v1/deals/nearby?" + "a=1&".repeat(2000))) {
            add("target " + printable(target), RawHttp.request("GET", target, "", null));
        }
        add("uri 9 KB", RawHttp.request("GET", "/" + "a".repeat(9000), "", null));
        add("uri 64 KB", RawHttp.request("GET", "/api/v1/deals/" + "a".repeat(65_000), "", null));
        add("header 9 KB", RawHttp.request("GET", "/api/v1/ping", "X-Big: " + "b".repeat(9000) + "\r\n", null));
        add("header 100 KB", RawHttp.request("GET", "/api/v1/ping", "X-Big: " + "b".repeat(100_000) + "\r\n", null));
        add("1000 headers", RawHttp.request("GET", "/api/v1/ping", "X-A: 1\r\n".repeat(1000), null));
        for (String header : List.of(
                "X-Nul: a\u0000b",
                "No colon",
                ": empty-name",
                "X Sp: 1",
                "X-Ctl: \u0001",
                "X-Fold: a\r\n folded",
                "Host: second",
                "Content-Length: abc",
                "Content-Length: -1",
                "Content-Length: 1\r\nContent-Length: 2",
                "Content-Length: 99999999999999999999",
                "Transfer-Encoding: chunked\r\nContent-Length: 3",
                "Transfer-Encoding: chunked, identity",
                "Expect: 100-banana",
                "Expect: 100-continue",
                "Content-Type: \u00ff\u00fe",
                "Authorization: Bearer \u00e9\u00e9",
                "Authorization: Bearer",
                "Authorization: Basic Zm9vOmJhcg==",
                "Authorization: Bearer " + "k".repeat(5000),
                "Accept: text/html",
                "Accept: image/png",
                "Accept: application/xml",
                "Accept: */*;q=abc",
                "Accept: ;;;",
                "Accept-Charset: nope",
                "Range: bytes=9-1",
                "Origin: null",
                "Upgrade: h2c",
                "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__")) {
            add(
                    "header " + printable(header),
                    RawHttp.bytes("POST /api/v1/deals/" + deal + "/claims HTTP/1.1\r\n"
                            + "Host: x\r\nConnection: close\r\nContent-Type: application/json\r\n" + header
                            + (header.contains("Content-Length") || header.contains("Transfer-Encoding")
                                    ? ""
                                    : "\r\nContent-Length: 2")
                            + "\r\n\r\n{}"));
        }
        for (String chunks : List.of(
                "zz\r\n{}\r\n0\r\n\r\n",
                "2\r\n{}\r\n",
                "-1\r\n\r\n",
                "ffffffffffffffff\r\n",
                "2;ext=" + "e".repeat(10_000) + "\r\n{}\r\n0\r\n\r\n",
                "2\r\n{}0\r\n\r\n",
                "1\r\n{\r\n1\r\n}\r\n0\r\nX-Trailer: " + "t".repeat(10_000) + "\r\n\r\n")) {
            add(
                    "chunks " + printable(chunks),
                    RawHttp.request(
                            "POST",
                            "/api/v1/deals/" + deal + "/claims",
                            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                            RawHttp.bytes(chunks)));
        }
        // 501, as HTTP says, for what Tomcat does not implement: CONNECT, an unknown transfer coding.
        cases.add(new Case("method CONNECT", RawHttp.request("CONNECT", "127.0.0.1:443", "", null), true));
        cases.add(new Case(
                "transfer coding gzip",
                RawHttp.request(
                        "POST",
                        "/api/v1/deals/" + deal + "/claims",
                        "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n",
                        RawHttp.utf8("{}")),
                true));
        // HEAD has no body by definition; its error's headers still say problem+json.
        cases.add(
                new Case("method HEAD", RawHttp.request("HEAD", "/api/v1/deals/" + deal + "/claims", "", null), false));
        for (String method :
                List.of("PUT", "PATCH", "DELETE", "TRACE", "PROPFIND", "BREW", "get", "OPTIONS", "X".repeat(300))) {
            add(
                    "method " + printable(method),
                    RawHttp.request(
                            method,
                            "/api/v1/deals/" + deal + "/claims",
                            "Content-Type: application/json\r\n",
                            RawHttp.utf8("{\"userId\":\"m\"}")));
        }
    }

    // --- per endpoint ------------------------------------------------------------------------

    private void unauthenticated(Endpoint endpoint) {
        String valid = valid(endpoint.body());
        for (String auth : List.of("", "Authorization: Bearer wrong\r\n", "Authorization: Basic eDp5\r\n")) {
            add(
                    "unauthenticated '" + auth.trim() + "' " + endpoint.method() + " " + endpoint.path(),
                    RawHttp.request(
                            endpoint.method(),
                            endpoint.path(),
                            "Content-Type: application/json\r\n" + auth,
                            RawHttp.utf8(valid)));
        }
    }

    private void requests(Endpoint endpoint, String auth) {
        String who = auth.isEmpty() ? "" : "authenticated ";
        String label = who + endpoint.method() + " " + endpoint.path();
        String json = "Content-Type: application/json\r\n" + auth;
        List<String> bodies =
                endpoint.body() == BodyKind.NONE ? List.of("{", "\u0000", "[".repeat(1000)) : bodies(endpoint.body());
        for (String body : bodies) {
            add(
                    label + " body " + printable(abbreviate(body)),
                    RawHttp.request(endpoint.method(), endpoint.path(), json, RawHttp.utf8(body)));
        }
        String valid = valid(endpoint.body());
        List<String> types = endpoint.body() == BodyKind.NONE
                ? List.of("*/*", "garbage", "")
                : List.of(
                        "*/*",
                        "application/*",
                        "text/plain",
                        "application/xml",
                        "garbage",
                        "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded",
                        "application/json; charset=nope",
                        "application/json; charset=UTF-16",
                        "application/json;;;",
                        "");
        for (String type : types) {
            add(
                    label + " content-type '" + type + "'",
                    RawHttp.request(
                            endpoint.method(),
                            endpoint.path(),
                            (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n") + auth,
                            RawHttp.utf8(valid)));
        }
        add(
                label + " declared 10 MB",
                RawHttp.request(
                        endpoint.method(),
                        endpoint.path(),
                        json + "Content-Length: 10485760\r\n",
                        RawHttp.utf8(valid)));
        String wrongMethod = endpoint.method().equals("GET") ? "POST" : "GET";
        add(label + " as " + wrongMethod, RawHttp.request(wrongMethod, endpoint.path(), json, RawHttp.utf8(valid)));
        String base = endpoint.path().split("\\?")[0];
        for (String id :
                List.of("not-a-uuid", "%00", "00000000-0000-0000-0000-00000000000g", "1".repeat(300), "%F0%9F%92%A9")) {
            String mangled = base.replaceFirst("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", id);
            if (!mangled.equals(base)) {
                add(
                        label + " id " + printable(id),
                        RawHttp.request(endpoint.method(), mangled, json, RawHttp.utf8(valid)));
            }
        }
        if (endpoint.path().contains("?")) {
            for (String query : List.of(
                    "lat=NaN&lng=1&radiusKm=1",
                    "lat=&lng=&radiusKm=",
                    "lat=1&lng=1&radiusKm=1&limit=1e3",
                    "conflicts=maybe",
                    "lat=0x10&lng=1&radiusKm=1",
                    "lat=1&lng=1&radiusKm=" + "1".repeat(400))) {
                add(
                        label + " query " + query.substring(0, Math.min(40, query.length())),
                        RawHttp.request(endpoint.method(), base + "?" + query, auth, null));
            }
        }
    }

    private static String valid(BodyKind kind) {
        return switch (kind) {
            case CLAIM -> "{\"userId\":\"fuzz-user\"}";
            case DEAL ->
                "{\"title\":\"Fuzz\",\"latitude\":1,\"longitude\":2,\"totalInventory\":1,\"validUntil\":\""
                        + java.time.Instant.now().plusSeconds(3600) + "\"}";
            case UPLOAD ->
                "{\"deviceId\":\"d\",\"items\":[{\"clientId\":\"" + UUID.randomUUID()
                        + "\",\"token\":\"x.y.z\",\"scannedAt\":\"2026-01-01T00:00:00Z\",\"outcome\":\"REFUSED\"}]}";
            case MERCHANT -> "{\"name\":\"Fuzz shop\"}";
            case NONE -> "{}";
        };
    }

    private List<String> bodies(BodyKind kind) {
        List<String> bodies = new ArrayList<>(List.of(
                "",
                "{",
                "}",
                "[]",
                "null",
                "true",
                "1",
                "\"s\"",
                "{\"a\":}",
                "{'a':1}",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "\u0000",
                "\uFEFF{}",
                "{\"a\":\"\\uD800\"}",
                "{\"a\":\"\\x\"}",
                "[".repeat(1000) + "]".repeat(1000),
                "{\"a\":".repeat(500) + "1" + "}".repeat(500),
                "{\"n\":" + "9".repeat(1500) + "}",
                "{\"n\":1e99999}",
                "{\"n\":-0.0e-99999}",
                "{\"" + "k".repeat(1500) + "\":1}",
                "{\"s\":\"" + "s".repeat(1800) + "\"}"));
        for (String field : fields(kind)) {
            for (String value : List.of(
                    "null",
                    "-1",
                    "1.5",
                    "[]",
                    "{}",
                    "\"\"",
                    "\"a\\u0000b\"",
                    "\"" + "x".repeat(1500) + "\"",
                    "9".repeat(400),
                    "1e400",
                    "\"+300000-01-01T00:00:00Z\"",
                    "\"-300000-01-01T00:00:00Z\"",
                    "\"2026-13-45T99:99:99Z\"",
                    "\"\\uDFFF\u202e\u0007\"")) {
                bodies.add(replace(valid(kind), field, value));
            }
        }
        for (int i = 0; i < 5; i++) {
            char[] noise = new char[1 + random.nextInt(300)];
            for (int c = 0; c < noise.length; c++) {
                noise[c] = (char) random.nextInt(0x3000);
            }
            bodies.add(new String(noise));
        }
        return bodies;
    }

    private static List<String> fields(BodyKind kind) {
        return switch (kind) {
            case CLAIM -> List.of("userId");
            case DEAL -> List.of("title", "latitude", "totalInventory", "validUntil");
            case UPLOAD -> List.of("deviceId", "token", "scannedAt", "outcome", "items");
            case MERCHANT -> List.of("name");
            case NONE -> List.of();
        };
    }

    /** The valid body with one member's value replaced (or the member added, for "items"). */
    private static String replace(String body, String field, String value) {
        String pattern = "\"" + field + "\":";
        int at = body.indexOf(pattern);
        if (at < 0) {
            return body.substring(0, body.length() - 1) + ",\"" + field + "\":" + value + "}";
        }
        int start = at + pattern.length();
        int end = start;
        int depth = 0;
        boolean inString = false;
        for (; end < body.length(); end++) {
            char c = body.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return body.substring(0, start) + value + body.substring(end);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : abbreviate(text).toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
