package org.opendms.platform.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;

import org.opendms.platform.rest.api.Problems;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.security.LoginRefusal;
import org.opendms.platform.rest.api.DmsRest;

/**
 * The answer to a login attempt refused before its password is checked: 429 with {@code Retry-After} (seconds) and a
 * problem+json saying whether the login (or the caller's address) is slowed down or locked, and until when in the
 * shop's time. The same answer whether the password would have been right or not, and whether the login exists.
 */
final class LoginRefusals {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private LoginRefusals() {
    }

    static Response response(LoginRefusal refusal, ContainerRequestContext request, ShopClock clock) {
        return response(refusal, request.getAcceptableLanguages(), clock);
    }

    static Response response(LoginRefusal refusal, List<Locale> acceptableLanguages, ShopClock clock) {
        Instant now = Instant.now();
        long seconds = Math.max(1, Duration.between(now, refusal.until()).toSeconds() + 1);
        ZoneId zone = clock == null ? ZoneId.of("Asia/Shanghai") : clock.zone();
        String until = SHOWN.format(refusal.until().atZone(zone));
        boolean address = "address".equals(refusal.subject());
        Violation v;
        if (refusal.locked()) {
            v = new Violation("Authorization", "login.locked",
                    (address ? "此地址" : "该账号") + "因多次登录失败已被锁定，至 " + until + " 自动解锁（管理员可提前解锁）；在此之前密码正确也不能登录",
                    (address ? "logins from this address are" : "this login is")
                            + " locked after repeated failed logins until " + until
                            + " (an admin can unlock it sooner); until then even the right password is refused");
        } else {
            v = new Violation("Authorization", "login.slowed",
                    (address ? "此地址" : "该账号") + "登录失败次数过多，请于 " + seconds + " 秒后（" + until + "）再试",
                    "too many failed logins " + (address ? "from this address" : "for this login") + "; try again in "
                            + seconds + " s (" + until + ")");
        }
        Locale locale = Problems.locale(acceptableLanguages);
        var body = Problems.body(429, List.of(v), locale);
        body.put("until", refusal.until().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return Response.status(429).header("Retry-After", Long.toString(seconds)).type(DmsRest.PROBLEM_JSON)
                .entity(body).build();
    }

    /** The caller's address as the HTTP server saw it; null when unknown. A proxy's X-Forwarded-For is not believed. */
    static String remoteAddress(HttpServletRequest servletRequest) {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
