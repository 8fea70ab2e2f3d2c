package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff web app's login as a browser meets it (README: Logging in from a browser or a script): the session
 * cookie and its flags, the anti-forgery token on every change, logout, idle and absolute timeouts, wrong passwords
 * and the lockout, an account change ending its sessions at once, and HTTP Basic for scripts just as before.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SessionIT extends DmsTestSupport {

    private static final String SESSION_PID = "org.opendms.rest.session";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected ConfigurationAdmin configurations;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    @After
    public void defaultsAgain() throws Exception {
        sessionLimits(1800, 43200);
        loginProtection(configurations, 3, 2, 60, 10, 15, 0, 0);
    }

    /** What the browser keeps after logging in: the cookie's value and the session the login answered. */
    record Browser(String cookie, String setCookie, JsonNode session) {
        String token() {
            return session.path("csrfToken").asText();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postLogin(String login, String password, String... headers)
            throws Exception {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return send("POST", "session", JSON.writeValueAsString(java.util.Map.of("login", login, "password", password)),
                all.toArray(String[]::new));
    }

    private static Browser login(String login, String password) throws Exception {
        HttpResponse<String> r = postLogin(login, password);
        assertEquals(r.body(), 200, r.statusCode());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String value = setCookie.substring("DMS_SESSION=".length(), setCookie.indexOf(';'));
        return new Browser(value, setCookie, JSON.readTree(r.body()));
    }

    /** A request as the web app sends it: the cookie, and for a change JSON and the token (when given). */
    private static Reply asBrowser(Browser browser, String method, String path, String body, String token)
            throws Exception {
        List<String> headers = new ArrayList<>(List.of("Cookie", "DMS_SESSION=" + browser.cookie()));
        if (token != null) {
            headers.addAll(List.of("X-CSRF-Token", token));
        }
        return call(method, path, null, body, headers.toArray(String[]::new));
    }

    private static String newTechnician(String password) throws Exception {
        String login = "web" + unique();
        ok(call("POST", "staff", "admin", StaffIT.technician(login, password)), 201);
        return login;
    }

    private void sessionLimits(long idleSeconds, long lifetimeSeconds) throws Exception {
        Configuration c = configurations.getConfiguration(SESSION_PID, null);
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("idleTimeoutSeconds", idleSeconds);
        p.put("lifetimeSeconds", lifetimeSeconds);
        c.update(p);
        // configuration admin hands it over asynchronously: a new login shows the idle timeout in force
        long deadline = System.currentTimeMillis() + 10_000;
        while (login("advisor", "demo").session().path("idleTimeoutSeconds").asLong() != idleSeconds) {
            assertTrue("the session limits did not apply within 10 s", System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }

    @Test
    public void aLoginSetsAnHttpOnlyStrictCookieAndTheSessionShowsTheUsersPermissions() throws Exception {
        Browser advisor = login("advisor", "demo");
        String cookie = advisor.setCookie();
        assertTrue(cookie, cookie.matches("DMS_SESSION=[A-Za-z0-9_-]{43}; .*"));
        assertTrue(cookie, cookie.contains("; HttpOnly"));
        assertTrue(cookie, cookie.contains("; SameSite=Strict"));
        assertTrue(cookie, cookie.contains("; Path=/"));
        assertFalse("plain HTTP: no Secure flag, or the browser would not send it back: " + cookie,
                cookie.contains("Secure"));
        JsonNode s = advisor.session();
        assertEquals("advisor", s.path("login").asText());
        assertEquals("[\"advisor\"]", s.path("roles").toString());
        assertEquals(1800, s.path("idleTimeoutSeconds").asLong());
        assertTrue(s.toString(), s.path("csrfToken").asText().length() >= 32);
        // the permissions are the table's, as GET /api/permissions grants them to the advisor
        assertEquals(ok(call("GET", "permissions", "advisor", null), 200).path("granted"), s.path("permissions"));
        assertTrue(s.toString(), s.path("permissions").toString().contains("\"workorder.open\""));
        assertFalse(s.toString(), s.path("permissions").toString().contains("\"staff.add\""));

        JsonNode again = ok(asBrowser(advisor, "GET", "session", null, null), 200);
        assertEquals(s, again);
        // the cookie is enough to read anything the advisor may read, and no more
        ok(asBrowser(advisor, "GET", "customers?size=1", null, null), 200);
        assertEquals(403, asBrowser(advisor, "GET", "staff", null, null).status());
        // two logins, two sessions with their own ids and tokens
        Browser second = login("advisor", "demo");
        assertFalse(second.cookie().equals(advisor.cookie()));
        assertFalse(second.token().equals(advisor.token()));
    }

    @Test
    public void aChangeWithTheCookieNeedsTheSessionsTokenOrNothingChanges() throws Exception {
        Browser advisor = login("advisor", "demo");
        String name = "会话客户" + unique();
        String customer = "{\"type\":\"PERSON\",\"name\":\"" + name + "\",\"mobile\":\"" + newMobile() + "\"}";

        Reply missing = asBrowser(advisor, "POST", "customers", customer, null);
        assertEquals(missing.raw(), 403, missing.status());
        assertEquals("X-CSRF-Token", missing.field(0));
        assertEquals("csrf.missing", missing.code(0));
        assertTrue(missing.raw(), missing.json().path("detail").asText().contains("令牌"));
        Browser other = login("advisor", "demo");
        Reply wrong = asBrowser(advisor, "POST", "customers", customer, other.token());
        assertEquals(wrong.raw(), 403, wrong.status());
        assertEquals("csrf.invalid", wrong.code(0));
        assertEquals(0, ok(call("GET", "customers?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
                "advisor", null), 200).path("total").asInt());

        Reply created = asBrowser(advisor, "POST", "customers", customer, advisor.token());
        assertEquals(created.raw(), 201, created.status());
        assertEquals(1, ok(call("GET", "customers?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
                "advisor", null), 200).path("total").asInt());
    }

    @Test
    public void afterLogoutTheCookieOpensNothing() throws Exception {
        Browser advisor = login("advisor", "demo");
        Reply withoutToken = asBrowser(advisor, "DELETE", "session", null, null);
        assertEquals("logging out is a change too", 403, withoutToken.status());
        HttpResponse<String> out = send("DELETE", "session", null, "Cookie", "DMS_SESSION=" + advisor.cookie(),
                "X-CSRF-Token", advisor.token(), "Content-Type", "application/json");
        assertEquals(out.body(), 204, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cleared, cleared.startsWith("DMS_SESSION=;") && cleared.contains("Max-Age=0"));

        HttpResponse<String> after = send("GET", "session", null, "Cookie", "DMS_SESSION=" + advisor.cookie());
        assertEquals(after.body(), 401, after.statusCode());
        assertTrue(after.body(), after.body().contains("session.ended"));
        assertTrue("no browser login box over the web app's page",
                after.headers().firstValue("WWW-Authenticate").isEmpty());
        assertEquals(401, asBrowser(advisor, "GET", "customers?size=1", null, null).status());
        assertEquals(401, asBrowser(advisor, "POST", "customers", "{}", advisor.token()).status());
        // without any login, the web app's own fetch gets no Basic challenge either; a script still does
        assertTrue(send("GET", "session", null, "Sec-Fetch-Mode", "cors").headers().firstValue("WWW-Authenticate")
                .isEmpty());
        assertTrue(send("GET", "customers", null).headers().firstValue("WWW-Authenticate").orElse("")
                .startsWith("Basic"));
    }

    @Test
    public void aSessionEndsAfterItsIdleTimeButNotWhileItIsUsed() throws Exception {
        sessionLimits(2, 43200);
        Browser busy = login("advisor", "demo");
        Browser idle = login("advisor", "demo");
        long until = System.nanoTime() + 4_000_000_000L; // twice the idle time
        while (System.nanoTime() < until) {
            assertEquals("a session in use stays", 200, asBrowser(busy, "GET", "session", null, null).status());
            Thread.sleep(300);
        }
        // the idle one has not been used for over 2 s
        Reply ended = asBrowser(idle, "GET", "session", null, null);
        assertEquals(ended.raw(), 401, ended.status());
        assertEquals("session.ended", ended.code(0));
    }

    @Test
    public void aSessionEndsAfterItsLifetimeHoweverBusy() throws Exception {
        sessionLimits(1800, 2);
        Browser busy = login("advisor", "demo");
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            status = asBrowser(busy, "GET", "session", null, null).status();
            Thread.sleep(200);
        }
        assertEquals("ended within 10 s of a 2 s lifetime", 401, status);
    }

    @Test
    public void aWrongPasswordIs401AndRepeatedFailuresLockTheLoginForBrowsersAndScriptsAlike() throws Exception {
        loginProtection(configurations, 2, 1, 1, 3, 15, 0, 0);
        String login = newTechnician("Right-Pass-2026");

        HttpResponse<String> wrong = postLogin(login, "wrong-password", "Accept-Language", "en");
        assertEquals(wrong.body(), 401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(wrong.body());
        assertEquals("password", problem.path("errors").path(0).path("field").asText());
        assertEquals("login.failed", problem.path("errors").path(0).path("code").asText());
        assertEquals("Wrong user name or password", problem.path("errors").path(0).path("message").asText());
        assertTrue("no cookie for a failed login", wrong.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue("no browser login box", wrong.headers().firstValue("WWW-Authenticate").isEmpty());
        assertTrue(postLogin("nobody" + unique(), "x").body().contains("用户名或密码错误"));
        Reply incomplete = call("POST", "session", null, "{\"login\":\"" + login + "\"}");
        assertEquals(incomplete.raw(), 400, incomplete.status());
        assertEquals("password", incomplete.field(0));
        // a login form posted from another site is not JSON: refused before the password is looked at
        assertEquals(415, send("POST", "session", "login=" + login + "&password=x", "Content-Type",
                "application/x-www-form-urlencoded").statusCode());

        assertEquals(401, postLogin(login, "wrong-password").statusCode());
        HttpResponse<String> slowed = postLogin(login, "Right-Pass-2026");
        assertEquals(slowed.body(), 429, slowed.statusCode());
        assertTrue(slowed.body(), slowed.body().contains("login.slowed"));
        assertTrue(slowed.headers().firstValue("Retry-After").isPresent());
        // a wrong password once the wait is over is the third failure: the login locks
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status;
        do {
            Thread.sleep(250);
            status = postLogin(login, "wrong-password").statusCode();
        } while (status == 429 && System.nanoTime() < deadline);
        assertEquals(401, status);
        HttpResponse<String> locked = postLogin(login, "Right-Pass-2026");
        assertEquals(locked.body(), 429, locked.statusCode());
        assertTrue(locked.body(), locked.body().contains("login.locked"));
        Reply script = call("GET", "customers?size=1", login + ":Right-Pass-2026", null);
        assertEquals("HTTP Basic meets the same lock", 429, script.status());

        ok(call("POST", "login-security/unlock", "admin", "{\"login\":\"" + login + "\"}"), 200);
        login(login, "Right-Pass-2026");
    }

    @Test
    public void httpBasicWorksForScriptsAsBefore() throws Exception {
        JsonNode me = ok(call("GET", "session", "advisor", null), 200);
        assertEquals("advisor", me.path("login").asText());
        assertTrue("Basic needs no anti-forgery token", me.path("csrfToken").isNull());
        Reply created = call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"脚本客户\",\"mobile\":\""
                + newMobile() + "\"}");
        assertEquals(created.raw(), 201, created.status());
        HttpResponse<String> refused = send("GET", "customers?size=1", null, "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("advisor:wrong".getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
        assertEquals(204, call("DELETE", "session", "advisor", null).status());
        ok(call("GET", "customers?size=1", "advisor", null), 200);
    }

    @Test
    public void disablingAnAccountOrChangingItsPasswordOrRolesEndsItsSessionsAtOnce() throws Exception {
        String login = newTechnician("Right-Pass-2026");
        String basic = login + ":Right-Pass-2026";
        Browser tech = login(login, "Right-Pass-2026");
        ok(call("GET", "work-orders?size=1", basic, null), 200); // the Basic credentials are now remembered too
        ok(asBrowser(tech, "GET", "session", null, null), 200);

        Reply read = call("GET", "staff/" + login, "admin", null);
        ok(call("POST", "staff/" + login + "/disable", "admin", null, "If-Match", read.etag()), 200);
        Reply ended = asBrowser(tech, "GET", "work-orders?size=1", null, null);
        assertEquals(ended.raw(), 401, ended.status());
        assertEquals(401, call("GET", "work-orders?size=1", basic, null).status());
        assertEquals(401, postLogin(login, "Right-Pass-2026").statusCode());

        read = call("GET", "staff/" + login, "admin", null);
        ok(call("POST", "staff/" + login + "/enable", "admin", null, "If-Match", read.etag()), 200);
        Browser again = login(login, "Right-Pass-2026");
        ok(call("PUT", "staff/" + login + "/password", "admin", "{\"password\":\"Next-Pass-2026\"}"), 200);
        assertEquals(401, asBrowser(again, "GET", "session", null, null).status());
        assertEquals("the old password is refused at once", 401,
                call("GET", "work-orders?size=1", basic, null).status());
        ok(call("GET", "work-orders?size=1", login + ":Next-Pass-2026", null), 200);

        Browser third = login(login, "Next-Pass-2026");
        assertEquals("[\"technician\"]", third.session().path("roles").toString());
        read = call("GET", "staff/" + login, "admin", null);
        JsonNode account = read.json();
        String change = "{\"name\":" + JSON.writeValueAsString(account.path("name").asText())
                + ",\"roles\":[\"technician\",\"inspector\"],\"skills\":" + account.path("skills") + ",\"team\":"
                + JSON.writeValueAsString(account.path("team").asText()) + "}";
        Reply changed = call("PUT", "staff/" + login, "admin", change, "If-Match", read.etag());
        assertEquals(changed.raw(), 200, changed.status());
        assertEquals(401, asBrowser(third, "GET", "session", null, null).status());
        assertEquals("[\"technician\",\"inspector\"]",
                login(login, "Next-Pass-2026").session().path("roles").toString());
    }
}
