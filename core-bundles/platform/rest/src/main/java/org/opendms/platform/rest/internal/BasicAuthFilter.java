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
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.security.LoginGuard;
import org.opendms.platform.api.security.LoginRefusal;
import org.opendms.platform.api.security.Permissions;
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
 * Every /api call except health and the OpenAPI document must carry HTTP Basic credentials that the Karaf JAAS
 * realm accepts. Runs before matching, so an unknown path without credentials is a 401, not a 404 that would tell
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

    private volatile SecurityConfig config;

    /** The HTTP request, for the caller's address (a per-request proxy injected by JAX-RS). */
    @Context
    HttpServletRequest servletRequest;

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

    @Activate
    @Modified
    void configure(SecurityConfig newConfig) {
        this.config = newConfig;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (PUBLIC_PATHS.contains(path) && header == null
                && (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return; // anonymous; with credentials a public path is answered for that user (health's details)
        }
        SecurityConfig cfg = config;
        Credentials credentials = Credentials.parse(header);
        if (credentials == null) {
            request.abortWith(
                    unauthorized(request, cfg, "login.required", "请先登录（HTTP Basic）", "Login required (HTTP Basic)"));
            return;
        }
        LoginGuard guard = loginGuard;
        String address = LoginRefusals.remoteAddress(servletRequest);
        Optional<LoginRefusal> throttled = guard == null ? Optional.empty() : guard.admit(credentials.user(), address);
        if (throttled.isPresent()) {
            request.abortWith(LoginRefusals.response(throttled.get(), request, shopClock));
            return;
        }
        Subject subject = login(cfg.realm(), credentials);
        if (subject == null) {
            if (guard != null) {
                guard.failed(credentials.user(), address, "REST");
            }
            request.abortWith(unauthorized(request, cfg, "login.failed", "用户名或密码错误", "Wrong user name or password"));
            return;
        }
        if (guard != null) {
            guard.succeeded(credentials.user(), address);
        }
        String user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElse(credentials.user());
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet());
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        JaasSecurityContext security = new JaasSecurityContext(user, roles, secure);
        request.setSecurityContext(security);
        PermissionCheck.refusal(operations, permissions, request.getMethod(), path, RestActor.from(security))
                .ifPresentOrElse(refusals -> request
                        .abortWith(Response.status(Response.Status.FORBIDDEN).type(DmsRest.PROBLEM_JSON)
                                .entity(Problems.body(403, refusals, Problems.locale(request.getAcceptableLanguages())))
                                .build()),
                        () -> bodyLimits.apply(request)); // only now may the body be read, up to its limit
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

    private static Response unauthorized(ContainerRequestContext request, SecurityConfig cfg, String code, String zh,
            String en) {
        DmsException problem = new DmsException(DmsException.Kind.INVALID_INPUT,
                List.of(new Violation("Authorization", code, zh, en)));
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + cfg.challengeRealm() + "\", charset=\"UTF-8\"")
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

    record JaasSecurityContext(String user, Set<String> roles, boolean secure) implements SecurityContext {
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
            return BASIC_AUTH;
        }
    }
}
