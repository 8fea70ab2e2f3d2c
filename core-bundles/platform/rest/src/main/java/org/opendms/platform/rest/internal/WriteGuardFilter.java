package org.opendms.platform.rest.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.opendms.platform.rest.api.Problems;
import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.CsrfTokens;
import org.opendms.platform.rest.api.DmsRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * A change (POST, PUT, PATCH, DELETE) under /api must say it carries JSON ({@code Content-Type: application/json} or
 * {@code …+json}), even without a body. A browser sends a cross-site form or a plain {@code fetch} only as
 * {@code text/plain}, a form encoding or with no type at all, and it does not send JSON to another site without asking
 * first (CORS preflight, which /api never grants): so a page elsewhere cannot make a logged-in browser change data
 * here.
 * Refused with 415, problem+json naming {@code Content-Type}, after login and the permission check and before the body
 * is read.
 * <p>
 * Upload operations are the exception that keeps the rule: a resource method that declares only exact, non-JSON
 * types in {@code @Consumes} (the walk-around photos: image/jpeg, image/png, …) is matched by JAX-RS only for those,
 * and none of them is a type a cross-site form can send. A method that consumes a form type never passes here.
 * <p>
 * Future hook: a web app with a session registers {@link CsrfTokens}; a request with a token it accepts passes.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(WriteGuardFilter.NAME)
public class WriteGuardFilter implements ContainerRequestFilter {

    static final String NAME = "dms.writes";
    static final String CODE = "request.json_required";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** What a browser sends to another site without a preflight (the CORS-safelisted request types). */
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CsrfTokens csrfTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod()) || isJson(request.getMediaType())
                || isUpload(CurrentRequest.matched())
                || tokenAccepted(request)) {
            return;
        }
        String sent = request.getHeaderString("Content-Type");
        Violation v = new Violation("Content-Type", CODE,
                "修改数据的请求须以 UTF-8 的 JSON 发送（Content-Type: application/json），收到的是 "
                        + (sent == null ? "无 Content-Type" : quote(sent)),
                "a request that changes data must be sent as UTF-8 JSON (Content-Type: application/json); it came "
                        + (sent == null ? "without a Content-Type" : "as " + quote(sent)));
        request.abortWith(Response.status(415).type(DmsRest.PROBLEM_JSON)
                .entity(Problems.body(415, List.of(v), Problems.locale(request.getAcceptableLanguages()))).build());
    }

    static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        // JSON is UTF-8 (RFC 8259): a body declared in another charset would be read as something else than was sent
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return "application".equalsIgnoreCase(type.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"))
                && (charset == null || "utf-8".equalsIgnoreCase(charset.strip()));
    }

    private static boolean isUpload(ResourceInfo matched) {
        return matched != null && isUpload(matched.getResourceMethod(), matched.getResourceClass());
    }

    /** An upload operation: it consumes exact non-JSON types only, none of which a cross-site form can send. */
    static boolean isUpload(Method method, Class<?> resource) {
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null && resource != null) {
            consumes = resource.getAnnotation(Consumes.class);
        }
        if (consumes == null || consumes.value().length == 0) {
            return false;
        }
        return Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .map(MediaType::valueOf).allMatch(t -> !t.isWildcardType() && !t.isWildcardSubtype() && !isJson(t)
                        && !FORM_TYPES
                                .contains((t.getType() + "/" + t.getSubtype()).toLowerCase(java.util.Locale.ROOT)));
    }

    private boolean tokenAccepted(ContainerRequestContext request) {
        CsrfTokens tokens = csrfTokens;
        String token = request.getHeaderString(CsrfTokens.HEADER);
        if (tokens == null || token == null || token.isBlank()) {
            return false;
        }
        var user = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        return tokens.valid(token, user == null ? null : user.getName());
    }

    /** The sent type as shown back: at most 100 characters, anything but printable ASCII as '?'. */
    static String quote(String sent) {
        String cut = sent.length() > 100 ? sent.substring(0, 100) + "…" : sent;
        return "\"" + cut.replaceAll("[^\\x20-\\x7E…]", "?") + "\"";
    }
}
