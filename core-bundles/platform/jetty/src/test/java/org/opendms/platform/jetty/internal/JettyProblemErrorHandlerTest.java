package org.opendms.platform.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Jetty 9.4 server with the customizer Pax Web would be given: what it answers for paths Jetty refuses. */
class JettyProblemErrorHandlerTest {

    private Server server;
    private JettyErrorAnswers answers;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new HandlerCollection(true));
        answers = new JettyErrorAnswers();
        customizers(connector).addCustomizer(answers); // there when Jetty starts, as Pax Web adds it
        server.start();
        port = connector.getLocalPort();
        get("/api/health"); // the first request read puts the error handler in
    }

    private static HttpConfiguration customizers(ServerConnector connector) {
        return connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private String get(String path, String... headers) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNulUnderApiIsAnsweredWithProblemJsonInChineseThenEnglish() throws Exception {
        String zh = get("/api/customers/1%00");
        assertTrue(zh.startsWith("HTTP/1.1 400"), zh);
        assertTrue(zh.contains("Content-Type: application/problem+json"), zh);
        assertTrue(zh.contains("\"code\":\"request.malformed\""), zh);
        assertTrue(zh.contains("\"detail\":\"请求地址"), zh);
        // refused on the request line, before Accept-Language is read: the English follows the Chinese
        String en = get("/api/customers/1%00", "Accept-Language: en");
        assertTrue(en.contains(" / The request's address"), en);
        assertFalse(zh.contains("%00") || zh.contains("<html"), zh);
    }

    @Test
    void anEncodedSlashUnderApiIsAnsweredWithProblemJsonWithoutEchoingThePath() throws Exception {
        String en = get("/api/customers/..%2F..%2Fetc%2Fpasswd", "Accept-Language: en");
        assertTrue(en.startsWith("HTTP/1.1 400") || en.startsWith("HTTP/1.1 404"), en);
        assertTrue(en.contains("Content-Type: application/problem+json"), en);
        for (String echoed : new String[] { "passwd", "%2F", "etc", "<html" }) {
            assertFalse(en.contains(echoed), echoed + " echoed: " + en);
        }
    }

    @Test
    void aPathNobodyServesIsProblemJsonUnderApiInTheCallersLanguageAndJettysPageElsewhere() throws Exception {
        String en = get("/api/nobody", "Accept-Language: en-GB,en;q=0.8");
        assertTrue(en.startsWith("HTTP/1.1 404"), en);
        assertTrue(en.contains("Content-Type: application/problem+json"), en);
        assertTrue(en.contains("\"detail\":\"There is nothing at this address\""), en);
        assertTrue(get("/api/nobody").contains("\"detail\":\"没有这个地址\""));
        String other = get("/other");
        assertTrue(other.startsWith("HTTP/1.1 404"), other);
        assertFalse(other.contains("problem+json"), other);
    }

    @Test
    void aCustomizerAddedWhileJettyRunsAnswersWithoutARestartOfJetty() throws Exception {
        server.stop();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new HandlerCollection(true));
        server.start();
        port = connector.getLocalPort();
        get("/api/health");
        customizers(connector).addCustomizer(new JettyErrorAnswers()); // what Pax Web does with a new customizer
        assertTrue(server.isStarted());
        String ambiguous = get("/api/customers/..%2F..%2Fetc%2Fpasswd");
        assertTrue(ambiguous.contains("application/problem+json"), ambiguous);
        assertTrue(get("/api/customers/1%00").contains("application/problem+json"));
    }

    @Test
    void whenTheBundleStopsJettyAnswersItselfAgain() throws Exception {
        answers.deactivate();
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        customizers(connector).getCustomizers().remove(answers); // what Pax Web does when the service goes
        String nul = get("/api/customers/1%00");
        assertTrue(nul.startsWith("HTTP/1.1 400"), nul);
        assertFalse(nul.contains("problem+json"), nul);
        assertFalse(server.getErrorHandler() instanceof JettyProblemErrorHandler);
    }

    @Test
    void theLanguageFollowsAcceptLanguageAndDefaultsToChinese() {
        assertEquals("zh", JettyProblemErrorHandler.locale(null).getLanguage());
        assertEquals("zh", JettyProblemErrorHandler.locale("de;q=1, *;q=0.5").getLanguage());
        assertEquals("zh", JettyProblemErrorHandler.locale(";;;===").getLanguage());
        assertEquals("en", JettyProblemErrorHandler.locale("fr;q=0.9, en-US;q=0.8").getLanguage());
    }
}
