package org.opendms.printing.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.printing.api.EBill;
import org.opendms.printing.api.EBills;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The customer's e-bill, without a login (no security extension, like health): the link in the bill's QR code opens a
 * small page (or JSON) with the bill and the certificate as PDF, and nothing else. Unknown, expired and malformed
 * tokens all answer the same 404; each address gets a few requests a minute (429 with Retry-After beyond).
 */
@Component(service = EBillResource.class, configurationPid = "org.opendms.printing")
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.JSON, DmsRest.PROBLEMS })
@Path("e-bill/{token}")
@Tag(name = "打印 Printing")
public class EBillResource {

    @Reference
    EBills eBills;

    @Context
    HttpServletRequest servletRequest;

    private volatile AddressLimit limit = new AddressLimit(30);

    /** A new limit starts counting afresh. */
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Object n = properties.get("eBillRequestsPerMinute");
        int perMinute;
        try {
            perMinute = n == null ? 30 : Integer.parseInt(n.toString().strip());
        } catch (NumberFormatException e) {
            perMinute = 30;
        }
        limit = new AddressLimit(Math.max(1, perMinute));
    }

    @GET
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    @Operation(summary = "电子结算单 The customer's e-bill without login: a page for a phone, JSON for Accept: application/json", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EBill.class))),
            @ApiResponse(responseCode = "404", description = "unknown or expired link (nothing more is said)"),
            @ApiResponse(responseCode = "429", description = "too many requests from this address (Retry-After)") })
    public Response open(
            @Parameter(description = "the token of the link", required = true) @PathParam("token") String token,
            @Context HttpHeaders headers) {
        Response slowed = slowDown(headers);
        if (slowed != null) {
            return slowed;
        }
        EBill bill = eBills.open(token).orElseThrow(EBillResource::notFound);
        boolean json = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()).orElse(false);
        if (json) {
            return Response.ok(bill, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
        }
        return Response.ok(EBillPage.html(bill, token), MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    @GET
    @Path("{kind}")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Operation(summary = "电子结算单 PDF The bill or the completion certificate of an e-bill link, without login", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "404", description = "unknown or expired link, or another kind"),
            @ApiResponse(responseCode = "409", description = "certificate: the work order is not completed"),
            @ApiResponse(responseCode = "429", description = "too many requests from this address (Retry-After)") })
    public Response sheet(
            @Parameter(description = "the token of the link", required = true) @PathParam("token") String token,
            @Parameter(description = "bill or certificate", required = true, schema = @Schema(allowableValues = {
                    "bill",
                    "certificate" })) @PathParam("kind") String kind,
            @Parameter(description = "A4 (default), A5 or 241") @QueryParam("paper") String paper,
            @Context HttpHeaders headers) {
        Response slowed = slowDown(headers);
        if (slowed != null) {
            return slowed;
        }
        SheetKind k;
        try {
            k = SheetKind.of(kind);
        } catch (DmsException e) {
            throw notFound();
        }
        byte[] pdf = eBills.print(token, k, Paper.of(paper));
        return Response.ok(pdf, "application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"" + k.slug() + ".pdf\"").build();
    }

    private Response slowDown(HttpHeaders headers) {
        String address;
        try {
            address = servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideARequest) {
            address = null;
        }
        long seconds = limit.admit(address, System.currentTimeMillis());
        if (seconds == 0) {
            return null;
        }
        boolean en = headers.getAcceptableLanguages().stream().findFirst()
                .map(l -> l.getLanguage().equals(Locale.ENGLISH.getLanguage())).orElse(false);
        String message = en ? "too many requests from this address; try again in " + seconds + " s"
                : "此地址请求过于频繁，请于 " + seconds + " 秒后再试";
        Map<String, Object> body = Map.of("type", "about:blank", "title", en ? "Too many requests" : "请求过于频繁",
                "status", 429, "detail", message, "errors",
                List.of(Map.of("field", "token", "code", "rate_limited", "message", message)));
        return Response.status(429).header("Retry-After", Long.toString(seconds)).type(DmsRest.PROBLEM_JSON)
                .entity(body).build();
    }

    static DmsException notFound() {
        return DmsException.notFound("token", "链接无效或已过期", "the link is unknown or has expired");
    }
}
