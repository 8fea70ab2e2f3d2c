package org.opendms.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.Problems;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.security.DisplayNames;
import org.opendms.platform.api.security.LoginGuard;
import org.opendms.platform.api.security.LoginRefusal;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The staff web app's login: a password checked by the same JAAS realm as HTTP Basic (through the login guard, so
 * repeated failures slow down and lock alike) opens a browser session held in memory ({@link SessionStore}); the
 * browser keeps its id in an HttpOnly, SameSite=Strict cookie, and the page keeps the session's anti-forgery token
 * for the changes it sends. Scripts keep using HTTP Basic and never need this.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path(SessionResource.PATH)
@Tag(name = "平台 Platform")
public class SessionResource {

    static final String PATH = "session";
    static final String COOKIE = "DMS_SESSION";

    @Reference
    RestLogins logins;

    @Reference
    Permissions permissions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LoginGuard loginGuard;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DisplayNames names;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ShopClock shopClock;

    @Context
    HttpServletRequest servletRequest;

    /** A login as the login page sends it. */
    public record LoginForm(@Schema(description = "登录名 the staff login", example = "advisor") String login,
            @Schema(description = "密码 the password", example = "demo") String password) {
    }

    /** The logged-in user as the web app shows them and decides what to offer. */
    public record SessionView(String login, @Schema(description = "the staff member's name") String name,
            @Schema(description = "the shop roles") List<String> roles,
            @Schema(description = "the permissions of the permission table the user has (GET /api/permissions)") List<String> permissions,
            @Schema(description = "send it as X-CSRF-Token with every change; null when logged in with HTTP Basic") String csrfToken,
            @Schema(description = "seconds without a request after which the session ends") long idleTimeoutSeconds) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "登录（浏览器）Log in from the web app: opens a session (cookie DMS_SESSION); 401 on a wrong password, 429 after repeated failures", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class))),
            @ApiResponse(responseCode = "401", description = "wrong login or password"),
            @ApiResponse(responseCode = "429", description = "slowed down or locked after repeated failures") })
    public Response login(LoginForm form, @CookieParam(COOKIE) String previous, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        List<Violation> problems = new ArrayList<>();
        if (form == null || form.login() == null || form.login().isBlank()) {
            problems.add(new Violation("login", "required", "请填写登录名", "the login is required"));
        }
        if (form == null || form.password() == null || form.password().isEmpty()) {
            problems.add(new Violation("password", "required", "请填写密码", "the password is required"));
        }
        if (!problems.isEmpty()) {
            throw DmsException.invalid(problems);
        }
        String login = form.login().strip();
        LoginGuard guard = loginGuard;
        String address = LoginRefusals.remoteAddress(servletRequest);
        Optional<LoginRefusal> throttled = guard == null ? Optional.empty() : guard.admit(login, address);
        if (throttled.isPresent()) {
            return LoginRefusals.response(throttled.get(), headers.getAcceptableLanguages(), shopClock);
        }
        SessionStore.Opened opened = null;
        for (int attempt = 0; attempt < 3 && opened == null; attempt++) {
            long generation = logins.sessions.generation();
            VerifiedCredentials.Verified verified = BasicAuthFilter.verify(logins.realm(), login, form.password());
            if (verified == null) {
                if (guard != null) {
                    guard.failed(login, address, "WEB");
                }
                return problem(headers, 401, "password", "login.failed", "用户名或密码错误",
                        "Wrong user name or password");
            }
            DisplayNames known = names;
            String name = known == null ? verified.user() : known.nameOf(verified.user()).orElse(verified.user());
            // opened is null when the account changed meanwhile: check the password again, the roles may be old
            opened = logins.sessions.open(verified.user(), name, verified.roles(), generation);
        }
        if (opened == null) {
            throw new DmsException(DmsException.Kind.CONFLICT, List.of(new Violation("login", "login.changing",
                    "账号正在被修改，请稍后再登录", "the account is being changed; log in again in a moment")));
        }
        if (guard != null) {
            guard.succeeded(login, address);
        }
        logins.sessions.end(previous); // a new login replaces the browser's earlier session
        return Response.ok(view(opened.session().login, opened.session().name, opened.session().roles,
                opened.session().csrfToken))
                .header(HttpHeaders.SET_COOKIE, cookie(opened.id(), security.isSecure(), false))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("platform.session.read")
    @Operation(summary = "当前登录 The logged-in user: name, roles, permissions and the session's anti-forgery token", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class))))
    public SessionView current(@CookieParam(COOKIE) String id, @Context SecurityContext security) {
        SessionStore.Session session = ownSession(id, security);
        Actor actor = RestActor.from(security);
        if (session != null) {
            return view(session.login, session.name, session.roles, session.csrfToken);
        }
        DisplayNames known = names;
        String name = known == null ? actor.username() : known.nameOf(actor.username()).orElse(actor.username());
        return view(actor.username(), name, actor.roles(), null); // HTTP Basic: no session, no token needed
    }

    @DELETE
    @RequiresPermission("platform.session.end")
    @Operation(summary = "退出登录 Log out: the session ends and its cookie is cleared", responses = @ApiResponse(responseCode = "204"))
    public Response logout(@CookieParam(COOKIE) String id, @Context SecurityContext security) {
        if (ownSession(id, security) != null) {
            logins.sessions.end(id);
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", security.isSecure(), true)).build();
    }

    /** The cookie's session when it is the logged-in user's (a request with Basic may carry anyone's cookie). */
    private SessionStore.Session ownSession(String id, SecurityContext security) {
        SessionStore.Session session = id == null ? null : logins.sessions.find(id);
        return session != null && security.getUserPrincipal() != null
                && session.login.equals(security.getUserPrincipal().getName()) ? session : null;
    }

    private SessionView view(String login, String name, Set<String> roles, String csrfToken) {
        List<String> shopRoles = Roles.ALL.stream().filter(roles::contains).toList();
        Actor actor = new Actor(login, Set.copyOf(shopRoles), Channel.REST);
        List<String> granted = permissions.all().stream().filter(p -> p.grantedTo(actor)).map(Permission::name)
                .toList();
        return new SessionView(login, name, shopRoles, granted, csrfToken, logins.sessions.idleSeconds());
    }

    /** Built by hand: JAX-RS 2.1's NewCookie knows no SameSite. */
    static String cookie(String value, boolean secure, boolean clear) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (clear ? "; Max-Age=0" : "");
    }

    /** 401 for a cookie whose session is over: no Basic challenge (the web app shows its own login page). */
    static Response ended(ContainerRequestContext request) {
        return Response.status(401).type(DmsRest.PROBLEM_JSON)
                .header(HttpHeaders.SET_COOKIE, cookie("", secure(request), true))
                .entity(Problems.body(401, List.of(new Violation("Cookie", "session.ended",
                        "登录已超时或已退出，请重新登录", "the session has timed out or ended; log in again")),
                        Problems.locale(request.getAcceptableLanguages())))
                .build();
    }

    private static boolean secure(ContainerRequestContext request) {
        return request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    }

    private static Response problem(HttpHeaders headers, int status, String field, String code, String zh,
            String en) {
        return Response.status(status).type(DmsRest.PROBLEM_JSON)
                .entity(Problems.body(status, List.of(new Violation(field, code, zh, en)),
                        Problems.locale(headers.getAcceptableLanguages())))
                .build();
    }
}
