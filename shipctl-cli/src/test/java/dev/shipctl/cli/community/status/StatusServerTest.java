package dev.shipctl.cli.community.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Sandbox;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * The status server against two sandboxes: what /status.json says of each (and of one stopped mid-test), what it
 * refuses, the badge as XML, and the page's escaping of a hostile ship name.
 */
class StatusServerTest {
    /** A ship name that would be markup if it were not escaped (short: the ship list entry holds 16 characters with its population). */
    private static final String HOSTILE = "<b>\"&'</b>";

    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox alpha;
    private Sandbox beta;
    private StatusServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (alpha != null) alpha.close();
        if (beta != null) beta.close();
    }

    private static CheckResult check(Sandbox sandbox) {
        ShipClient client = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(Duration.ofSeconds(3)).build();
        return HealthCheck.builder(client, new Credentials("player1", "player123")).depth(Depth.BLOCK).build().run();
    }

    private static Session player(Sandbox sandbox) throws Exception {
        return ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).build().connect(new Credentials("gmadmin", "gmadmin123"));
    }

    private StatusServer serve(StatusBoard board, boolean showAddresses, Optional<String> cors) throws Exception {
        server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), board, new StatusTemplates("Our servers"), showAddresses, cors);
        return server;
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode statusJson() throws Exception {
        HttpResponse<String> r = send("GET", "/status.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void statusJsonFollowsTwoServersAndOneGoingDown() throws Exception {
        alpha = Sandbox.builder().loginPort(0).shipName("Alpha").build().start();
        beta = Sandbox.builder().loginPort(0).shipName("Beta").build().start();
        StatusBoard board = new StatusBoard(InstantSource.system());
        board.expect("alpha", "127.0.0.1:" + alpha.loginPort());
        board.expect("beta", "127.0.0.1:" + beta.loginPort());
        serve(board, false, Optional.empty());

        JsonNode pending = statusJson();
        assertThat(pending.get("schema").asInt()).isEqualTo(StatusJson.SCHEMA);
        assertThat(pending.get("servers").get("alpha").get("state").asString()).isEqualTo("pending");
        assertThat(pending.get("servers").get("alpha").get("last_check").isNull()).isTrue();

        try (Session someone = player(alpha)) {
            CheckResult a = check(alpha);
            CheckResult b = check(beta);
            assertThat(a.ok()).as("%s", a.failure()).isTrue();
            assertThat(b.ok()).as("%s", b.failure()).isTrue();
            board.record("alpha", a);
            board.record("beta", b);
        }
        JsonNode up = statusJson();
        assertThat(Instant.parse(up.get("generated").asString())).isNotNull();
        assertThat(up.get("servers").propertyNames()).containsExactly("alpha", "beta");
        JsonNode alphaUp = up.get("servers").get("alpha");
        assertThat(alphaUp.get("state").asString()).isEqualTo("up");
        assertThat(alphaUp.get("up").asBoolean()).isTrue();
        assertThat(alphaUp.get("flavour").asString()).isEqualTo("tethealla");
        assertThat(alphaUp.get("depth").asString()).isEqualTo("block");
        assertThat(alphaUp.get("players").asInt()).as("the player on Alpha").isEqualTo(1);
        assertThat(alphaUp.get("ships").get(0).get("name").asString()).isEqualTo("Alpha");
        assertThat(alphaUp.get("ships").get(0).get("players").asInt()).isEqualTo(1);
        assertThat(alphaUp.get("stage_seconds").propertyNames()).contains("connect", "login", "ship", "block");
        assertThat(alphaUp.get("check_seconds").asDouble()).isGreaterThan(0.0);
        assertThat(alphaUp.get("last_check_age_seconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(alphaUp.get("failed_stage").isNull()).isTrue();
        assertThat(alphaUp.has("address")).as("no address unless asked").isFalse();
        assertThat(up.toString()).doesNotContain("player1").doesNotContain("gmadmin").doesNotContain(String.valueOf(alpha.loginPort()));
        JsonNode betaUp = up.get("servers").get("beta");
        assertThat(betaUp.get("players").asInt()).isZero();
        Instant betaUpSince = Instant.parse(betaUp.get("since").asString());

        // another round: beta is stopped, alpha stays up and keeps its "since"
        beta.close();
        board.record("alpha", check(alpha));
        CheckResult failed = check(beta);
        assertThat(failed.ok()).isFalse();
        board.record("beta", failed);
        JsonNode later = statusJson();
        JsonNode betaDown = later.get("servers").get("beta");
        assertThat(betaDown.get("state").asString()).isEqualTo("down");
        assertThat(betaDown.get("up").asBoolean()).isFalse();
        assertThat(betaDown.get("players").asInt()).isZero();
        assertThat(betaDown.get("ships").isEmpty()).isTrue();
        assertThat(betaDown.get("failed_stage").asString()).isEqualTo("connect");
        assertThat(betaDown.get("flavour").asString()).as("the family seen while it was up").isEqualTo("tethealla");
        assertThat(Instant.parse(betaDown.get("since").asString())).isAfter(betaUpSince).isEqualTo(failed.at());
        JsonNode alphaLater = later.get("servers").get("alpha");
        assertThat(alphaLater.get("since").asString()).isEqualTo(alphaUp.get("since").asString());
        assertThat(Instant.parse(alphaLater.get("last_check").asString())).isAfter(Instant.parse(alphaUp.get("last_check").asString()));
        assertThat(alphaLater.get("players").asInt()).as("the player left").isZero();

        HttpResponse<String> badge = send("GET", "/badge/beta.svg");
        assertThat(badge.body()).contains(">down<");
    }

    @Test
    void addressesAndCorsOnlyWhenAsked() throws Exception {
        alpha = Sandbox.builder().loginPort(0).build().start();
        StatusBoard board = new StatusBoard(InstantSource.system());
        board.record("alpha", check(alpha));
        serve(board, true, Optional.of("https://example.org"));
        HttpResponse<String> r = send("GET", "/status.json");
        assertThat(Json.MAPPER.readTree(r.body()).get("servers").get("alpha").get("address").asString())
                .isEqualTo("127.0.0.1:" + alpha.loginPort());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://example.org");
        assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(StatusServer.CACHE_STATUS);
        assertThat(send("GET", "/").headers().firstValue("Access-Control-Allow-Origin")).as("CORS is for the JSON").isEmpty();
        server.close();

        serve(board, false, Optional.empty());
        assertThat(send("GET", "/status.json").headers().firstValue("Access-Control-Allow-Origin")).as("no CORS by default").isEmpty();
    }

    @Test
    void onlyGetAndHeadAreServed() throws Exception {
        StatusBoard board = new StatusBoard(InstantSource.system());
        board.expect("home", "127.0.0.1:12000");
        serve(board, false, Optional.empty());
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String path : List.of("/", "/status.json", "/badge/home.svg")) {
                HttpResponse<String> r = send(method, path);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
            }
        }
        HttpResponse<String> head = send("HEAD", "/status.json");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(send("GET", "/badge/nobody.svg").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/badge/home.png").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/admin").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/badge/home.svg").statusCode()).isEqualTo(200);
    }

    @Test
    void badgesAreWellFormedSvgWhateverTheName() throws Exception {
        alpha = Sandbox.builder().loginPort(0).build().start();
        StatusBoard board = new StatusBoard(InstantSource.system());
        String name = "a<b>&\"c'";
        board.record(name, check(alpha));
        board.expect("later", "127.0.0.1:1");
        serve(board, false, Optional.empty());

        HttpResponse<String> r = send("GET", "/badge/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + ".svg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/svg+xml; charset=utf-8");
        Document svg = parse(r.body());
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(name + ": 0 online");
        assertThat(svg.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("PSO");
        assertThat(svg.getElementsByTagName("text").item(1).getTextContent()).isEqualTo("0 online");
        assertThat(parse(send("GET", "/badge/later.svg").body()).getElementsByTagName("text").item(1).getTextContent()).isEqualTo("checking");
    }

    @Test
    void aHostileShipNameIsEscapedEverywhere() throws Exception {
        alpha = Sandbox.builder().loginPort(0).shipName(HOSTILE).build().start();
        StatusBoard board = new StatusBoard(InstantSource.system());
        board.record("alpha", check(alpha));
        serve(board, false, Optional.empty());

        HttpResponse<String> page = send("GET", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(StatusServer.PAGE_POLICY);
        assertThat(page.body()).contains("<div class=\"ship\">&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;: 0</div>").doesNotContain("<b>");
        assertThat(Json.MAPPER.readTree(send("GET", "/status.json").body()).get("servers").get("alpha").get("ships").get(0)
                .get("name").asString()).isEqualTo(HOSTILE);
    }

    @Test
    void controlCharactersFromTheServerBecomeReplacementCharacters() {
        assertThat(StatusBoard.clean("Ship\u0001\u001b[31m\ud800")).isEqualTo("Ship\ufffd\ufffd[31m\ufffd");
        assertThat(StatusBoard.clean("Śhip 😀")).isEqualTo("Śhip 😀");
    }

    @Test
    void bindAddressesAndOrigins() {
        assertThat(StatusHttpOptions.bindAddress("8080")).isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
        assertThat(StatusHttpOptions.bindAddress("0.0.0.0:8080")).isEqualTo(new InetSocketAddress("0.0.0.0", 8080));
        assertThat(StatusHttpOptions.bindAddress("[::1]:0").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        for (String bad : List.of("http", ":80", "::1:80", "1.2.3.4:99999", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatusHttpOptions.bindAddress(bad))
                    .as(bad).isInstanceOf(dev.shipctl.cli.common.UserError.class).hasMessageContaining("--status-http");
        }
        assertThat(StatusHttpOptions.origin("*")).isEqualTo("*");
        assertThat(StatusHttpOptions.origin("https://Example.org:8443")).isEqualTo("https://example.org:8443");
        for (String bad : List.of("example.org", "https://example.org/page", "javascript:alert(1)", "https://a@b.org", "https://b.org?x")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatusHttpOptions.origin(bad))
                    .as(bad).isInstanceOf(dev.shipctl.cli.common.UserError.class).hasMessageContaining("--status-cors");
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
