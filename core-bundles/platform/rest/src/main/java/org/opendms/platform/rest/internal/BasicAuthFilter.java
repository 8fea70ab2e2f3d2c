package org.opendms.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opendms.platform.rest.api.Problems;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.security.LoginGuard;
import org.opendms.platform.api.security.LoginRefusal;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.rest.api.CsrfTokens;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every /api call except health, the OpenAPI document, the login of the web app ({@link SessionResource}) and a payment
 * provider's notification (POST settlements/online-payments/notify/…, signed by the provider) must carry
 * HTTP Basic credentials that the Karaf JAAS realm accepts, or the cookie of a browser session. Runs before matching,
 * so an unknown path without credentials is a 401, not a 404 that would tell
 * a stranger which paths exist. Then the user's roles must have the permission the operation names
 * ({@link PermissionCheck}), or the answer is 403.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
@JaxrsExtension
@JaxrsName("dms.security")
@PreMatching
public class BasicAuthFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);
    private static final Set<String> PUBLIC_PATHS = Set.of("health", "openapi.json");
    /**
     * The customer's e-bill (printing bundle): its unguessable token is the credential; that resource limits the
     * requests per address itself.
     */
    static final String E_BILL = "e-bill/";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Online payment notifications (settlement's OnlinePaymentResource), sent by the provider without a login. */
    static final String NOTIFY = "settlements/online-payments/notify/";

    private volatile SecurityConfig config;

    /**
     * Not called: resources select this filter, so referencing the unknown-query check makes it join /api first and
     * no operation is published without it.
     */
    @Reference(target = "(osgi.jaxrs.name=" + UnknownQueryFilter.NAME + ")")
    ContainerRequestFilter queryCheck;

    /** Not called either: the write guard and the security headers join /api before any operation is published. */
    @Reference(target = "(osgi.jaxrs.name=" + WriteGuardFilter.NAME + ")")
    ContainerRequestFilter writeGuard;

    @Reference(target = "(osgi.jaxrs.name=" + SecurityHeadersFilter.NAME + ")")
    ContainerResponseFilter securityHeaders;

    @Reference
    Permissions permissions;

    /** Slows down and locks repeated failures (the staff accounts provide it); asked before a password is checked. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LoginGuard loginGuard;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ShopClock shopClock;

    @Reference
    OperationCatalogue operations;

    @Reference
    BodyLimits bodyLimits;

    /** Browser sessions and recently verified Basic credentials. */
    @Reference
    RestLogins logins;

    @Activate
    @Modified
    void configure(SecurityConfig newConfig) {
        this.config = newConfig;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        BusClassLoader.settle();
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ((PUBLIC_PATHS.contains(path) || path.startsWith(E_BILL)) && header == null
                && (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return; // anonymous; with credentials a public path is answered for that user (health's details)
        }
        if (path.startsWith(NOTIFY) && HttpMethod.POST.equals(request.getMethod())) {
            bodyLimits.apply(request);
            return; // a payment provider's notification: its signature, checked by the provider's driver, is its login
        }
        if (SessionResource.PATH.equals(path) && HttpMethod.POST.equals(request.getMethod())) {
            bodyLimits.apply(request);
            return; // the login itself: it checks the password (through the login guard) and opens the session
        }
        SecurityConfig cfg = config;
        JaasSecurityContext security;
        if (header == null && request.getCookies().containsKey(SessionResource.COOKIE)) {
            security = sessionUser(request, cfg);
        } else {
            security = basicUser(request, cfg, header);
        }
        if (security == null) {
            return; // refused: the answer is set
        }
        request.setSecurityContext(security);
        PermissionCheck.refusal(operations, permissions, request.getMethod(), path, RestActor.from(security))
                .ifPresentOrElse(refusals -> request
                        .abortWith(Response.status(Response.Status.FORBIDDEN).type(DmsRest.PROBLEM_JSON)
                                .entity(Problems.body(403, refusals, Problems.locale(request.getAcceptableLanguages())))
                                .build()),
                        () -> bodyLimits.apply(request)); // only now may the body be read, up to its limit
    }

    /**
     * HTTP Basic, as scripts send it with every request: the login guard first (a locked login is refused even with
     * the right password), then credentials the realm accepted within the last minute (one HMAC), else the realm.
     */
    private JaasSecurityContext basicUser(ContainerRequestContext request, SecurityConfig cfg, String header) {
        Credentials credentials = Credentials.parse(header);
        if (credentials == null) {
            request.abortWith(
                    unauthorized(request, cfg, "login.required", "请先登录（HTTP Basic）", "Login required (HTTP Basic)"));
            return null;
        }
        LoginGuard guard = loginGuard;
        String address = LoginRefusals.remoteAddress(CurrentRequest.servletRequest());
        Optional<LoginRefusal> throttled = guard == null ? Optional.empty() : guard.admit(credentials.user(), address);
        if (throttled.isPresent()) {
            request.abortWith(LoginRefusals.response(throttled.get(), request, shopClock));
            return null;
        }
        VerifiedCredentials cache = logins.credentials;
        VerifiedCredentials.Verified verified = cache.find(credentials.user(), credentials.password());
        if (verified == null) {
            long generation = cache.generation();
            verified = verify(cfg.realm(), credentials.user(), credentials.password());
            if (verified == null) {
                if (guard != null) {
                    guard.failed(credentials.user(), address, "REST");
                }
                request.abortWith(
                        unauthorized(request, cfg, "login.failed", "用户名或密码错误", "Wrong user name or password"));
                return null;
            }
            cache.put(credentials.user(), credentials.password(), verified, generation);
        }
        if (guard != null) {
            guard.succeeded(credentials.user(), address);
        }
        return new JaasSecurityContext(verified.user(), verified.roles(), secure(request), SecurityContext.BASIC_AUTH);
    }

    /**
     * The web app's session cookie: a map lookup. A change (POST, PUT, PATCH, DELETE) must also carry the session's
     * token in {@value CsrfTokens#HEADER}: the browser sends the cookie whoever's page asks, only our own page can
     * read the token (from the login's answer).
     */
    private JaasSecurityContext sessionUser(ContainerRequestContext request, SecurityConfig cfg) {
        SessionStore.Session session = logins.sessions
                .find(request.getCookies().get(SessionResource.COOKIE).getValue());
        if (session == null) {
            request.abortWith(SessionResource.ended(request));
            return null;
        }
        if (WRITES.contains(request.getMethod())) {
            String token = request.getHeaderString(CsrfTokens.HEADER);
            if (token == null || token.isBlank()) {
                request.abortWith(csrfRefused(request, "csrf.missing", "缺少防跨站请求令牌（X-CSRF-Token），请刷新页面后重试",
                        "the request lacks its anti-forgery token (X-CSRF-Token); reload the page and try again"));
                return null;
            }
            if (!session.tokenMatches(token)) {
                request.abortWith(csrfRefused(request, "csrf.invalid", "防跨站请求令牌（X-CSRF-Token）无效，请刷新页面后重试",
                        "the anti-forgery token (X-CSRF-Token) is not this session's; reload the page and try again"));
                return null;
            }
        }
        return new JaasSecurityContext(session.login, session.roles, secure(request), SecurityContext.FORM_AUTH);
    }

    private static boolean secure(ContainerRequestContext request) {
        return request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    }

    private static Response csrfRefused(ContainerRequestContext request, String code, String zh, String en) {
        return Response.status(Response.Status.FORBIDDEN).type(DmsRest.PROBLEM_JSON)
                .entity(Problems.body(403, List.of(new Violation(CsrfTokens.HEADER, code, zh, en)),
                        Problems.locale(request.getAcceptableLanguages())))
                .build();
    }

    /** The user and roles the realm gives for this password; null when it refuses. */
    static VerifiedCredentials.Verified verify(String realm, String user, String password) {
        Subject subject = login(realm, new Credentials(user, password));
        if (subject == null) {
            return null;
        }
        String name = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElse(user);
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet());
        return new VerifiedCredentials.Verified(name, roles);
    }

    private static Subject login(String realm, Credentials credentials) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BasicAuthFilter.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(credentials.user());
                    } else if (callback instanceof PasswordCallback password) {
                        password.setPassword(credentials.password().toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return subject;
        } catch (LoginException e) {
            LOG.debug("login of {} refused: {}", credentials.user(), e.getMessage());
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * 401 with the Basic challenge, except to a page's own fetch (a browser sends {@code Sec-Fetch-Mode} other than
     * navigate): there the challenge would pop up the browser's login box over the web app's login page.
     */
    private static Response unauthorized(ContainerRequestContext request, SecurityConfig cfg, String code, String zh,
            String en) {
        DmsException problem = new DmsException(DmsException.Kind.INVALID_INPUT,
                List.of(new Violation("Authorization", code, zh, en)));
        String fetchMode = request.getHeaderString("Sec-Fetch-Mode");
        boolean challenge = fetchMode == null || "navigate".equalsIgnoreCase(fetchMode);
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        challenge ? "Basic realm=\"" + cfg.challengeRealm() + "\", charset=\"UTF-8\"" : null)
                .type(DmsRest.PROBLEM_JSON)
                .entity(Problems.body(401, problem.violations(), Problems.locale(request.getAcceptableLanguages())))
                .build();
    }

    record Credentials(String user, String password) {
        static Credentials parse(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    return null;
                }
                return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    record JaasSecurityContext(String user, Set<String> roles, boolean secure, String scheme)
            implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return () -> user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
