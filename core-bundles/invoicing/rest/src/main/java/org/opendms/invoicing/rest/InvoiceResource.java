package org.opendms.invoicing.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.opendms.invoicing.api.Invoice;
import org.opendms.invoicing.api.InvoiceDraft;
import org.opendms.invoicing.api.InvoiceQuery;
import org.opendms.invoicing.api.InvoiceStatus;
import org.opendms.invoicing.api.Invoices;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.ParamReader;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/invoices: thin over {@link Invoices}, which holds every rule. */
@Component(service = InvoiceResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "发票 Invoices")
public class InvoiceResource {

    @Reference
    Invoices invoices;

    @Reference
    ShopClock clock;

    /**
     * @param invoiceNumber 发票号码 from the tax software, 8–20 digits; absent when a provider issues
     * @param invoiceDate   开票日期 yyyy-MM-dd, default today
     */
    public record Issue(String invoiceNumber, String invoiceDate) {
    }

    /** @param reason why (作废原因, 取消原因) */
    public record Reason(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记开票申请 Record the customer's request for an invoice of a settled document", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InvoiceDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Invoice.class))),
            @ApiResponse(responseCode = "400", description = "the buyer block is incomplete or wrong (each field named)"),
            @ApiResponse(responseCode = "404", description = "no such settlement document"),
            @ApiResponse(responseCode = "409", description = "not settled, reversed, or the document already has an invoice") })
    @RequiresPermission("invoice.request")
    public Response request(InvoiceDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Invoice made = invoices.request(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(made.id())).build();
        return Response.created(location).entity(made).tag(Long.toString(made.version())).build();
    }

    @GET
    @Operation(summary = "开票申请列表 Requests by the day requested (default today), status, or a settlement document's", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Invoice.class)))),
            @ApiResponse(responseCode = "400", description = "a day, the status or the document id is wrong (each named)") })
    @RequiresPermission("invoice.read")
    public List<Invoice> list(@Parameter(description = "起始日 from, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "截止日 to (inclusive), yyyy-MM-dd") @QueryParam("to") String to,
            @Parameter(description = "状态 REQUESTED, ISSUED, VOIDED or CANCELLED", schema = @Schema(allowableValues = {
                    "REQUESTED", "ISSUED", "VOIDED", "CANCELLED" })) @QueryParam("status") String status,
            @Parameter(description = "结算单 id settlement document id") @QueryParam("settlementId") String settlementId,
            @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        LocalDate f = read.value(() -> Params.day("from", from));
        LocalDate t = read.value(() -> Params.day("to", to));
        InvoiceStatus st = read.value(() -> status(status));
        Long doc = read.value(() -> settlementId == null || settlementId.isBlank() ? null
                : Params.id("settlementId", settlementId));
        read.refuseIfAny();
        if (f == null && t == null && doc == null) {
            f = clock.today();
            t = f;
        }
        return invoices.list(new InvoiceQuery(f, t, st, doc), RestActor.from(security));
    }

    @GET
    @Path("provider")
    @Operation(summary = "开票方式 The running invoice provider (数电票), or null: numbers are recorded by hand", responses = @ApiResponse(responseCode = "200"))
    @RequiresPermission("invoice.read")
    public Map<String, Object> provider() {
        String code = invoices.provider();
        return code == null ? Map.of("manual", true) : Map.of("manual", false, "provider", code);
    }

    @GET
    @Path("export")
    @Produces({ InvoiceSheet.XLSX, "text/csv", MediaType.APPLICATION_JSON })
    @Operation(summary = "导出开票申请 The requests of shop-local days as xlsx or CSV (UTF-8 with BOM) for the shop's tax software", responses = {
            @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = InvoiceSheet.XLSX, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")) }),
            @ApiResponse(responseCode = "400", description = "from, to, status or format wrong (each named)") })
    @RequiresPermission("invoice.export")
    public Response export(
            @Parameter(description = "起始日 from, yyyy-MM-dd", required = true) @QueryParam("from") String from,
            @Parameter(description = "截止日 to (inclusive), yyyy-MM-dd", required = true) @QueryParam("to") String to,
            @Parameter(description = "状态 (absent: all)", schema = @Schema(allowableValues = { "REQUESTED", "ISSUED",
                    "VOIDED", "CANCELLED" })) @QueryParam("status") String status,
            @Parameter(description = "xlsx (default) or csv", schema = @Schema(allowableValues = { "xlsx",
                    "csv" })) @QueryParam("format") String format,
            @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        LocalDate f = read.value(() -> Params.day("from", from));
        LocalDate t = read.value(() -> Params.day("to", to));
        InvoiceStatus st = read.value(() -> status(status));
        String fmt = read.value(() -> format(format));
        read.refuseIfAny();
        List<Invoice> rows = invoices.export(f, t, st, RestActor.from(security));
        List<List<Object>> cells = InvoiceSheet.rows(rows, clock.zone());
        String file = "invoice-requests-" + f + "-" + t + "." + fmt;
        byte[] body = fmt.equals("csv") ? InvoiceSheet.csv(cells) : InvoiceSheet.xlsx(cells);
        return Response.ok(body, fmt.equals("csv") ? InvoiceSheet.CSV : InvoiceSheet.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "发票申请 One request or invoice (ETag: its version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Invoice.class))),
            @ApiResponse(responseCode = "404", description = "no such request") })
    @RequiresPermission("invoice.read")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return withTag(invoices.get(Params.id("id", id), RestActor.from(security)));
    }

    @POST
    @Path("{id}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "开票 Issue (If-Match): through the running provider, or recording the number the tax software gave", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = Issue.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Invoice.class))),
            @ApiResponse(responseCode = "400", description = "invoice number or date wrong"),
            @ApiResponse(responseCode = "404", description = "no such request"),
            @ApiResponse(responseCode = "409", description = "not REQUESTED, being issued, number taken, document reversed, changed since read, or the provider refused"),
            @ApiResponse(responseCode = "503", description = "the provider cannot be reached; nothing issued") })
    @RequiresPermission("invoice.issue")
    public Response issue(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Issue issue,
            @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        Long invoiceId = read.value(() -> Params.id("id", id));
        Long version = read.value(() -> Params.ifMatch(ifMatch));
        LocalDate date = read.value(() -> Params.day("invoiceDate", issue == null ? null : issue.invoiceDate()));
        // the number's form too, so that a bad date and a bad number are named in one refusal
        read.value(() -> invoiceNumber(issue == null ? null : issue.invoiceNumber()));
        read.refuseIfAny();
        return withTag(invoices.issue(invoiceId, version, issue == null ? null : issue.invoiceNumber(), date,
                RestActor.from(security)));
    }

    @POST
    @Path("{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "作废发票 The manager voids an issued invoice (If-Match), saying why", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Reason.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Invoice.class))),
            @ApiResponse(responseCode = "400", description = "no reason"),
            @ApiResponse(responseCode = "404", description = "no such invoice"),
            @ApiResponse(responseCode = "409", description = "not ISSUED, changed since read, or the provider did not void it") })
    @RequiresPermission("invoice.void")
    public Response voidInvoice(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Reason reason, @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        Long invoiceId = read.value(() -> Params.id("id", id));
        Long version = read.value(() -> Params.ifMatch(ifMatch));
        read.refuseIfAny();
        return withTag(invoices.voidInvoice(invoiceId, version, reason == null ? null : reason.reason(),
                RestActor.from(security)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "取消申请 Withdraw a request not issued yet (If-Match); the document may be invoiced again", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Invoice.class))),
            @ApiResponse(responseCode = "404", description = "no such request"),
            @ApiResponse(responseCode = "409", description = "not REQUESTED, being issued, or changed since read") })
    @RequiresPermission("invoice.cancel")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Reason reason, @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        Long invoiceId = read.value(() -> Params.id("id", id));
        Long version = read.value(() -> Params.ifMatch(ifMatch));
        read.refuseIfAny();
        return withTag(invoices.cancel(invoiceId, version, reason == null ? null : reason.reason(),
                RestActor.from(security)));
    }

    static InvoiceStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return InvoiceStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("status", "unknown", "状态应为 REQUESTED、ISSUED、VOIDED 或 CANCELLED",
                    "status is REQUESTED, ISSUED, VOIDED or CANCELLED");
        }
    }

    /** A typed invoice number is 8 to 20 digits (the service says whether one may be typed at all). */
    static String invoiceNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String n = raw.strip();
        if (!n.matches("[0-9]{8,20}")) {
            throw DmsException.invalid("invoiceNumber", "format", "发票号码应为 8–20 位数字（数电票 20 位）",
                    "the invoice number is 8 to 20 digits (20 for a digital invoice)");
        }
        return n;
    }

    static String format(String raw) {
        if (raw == null || raw.isBlank()) {
            return "xlsx";
        }
        String f = raw.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("xlsx") && !f.equals("csv")) {
            throw DmsException.invalid("format", "unknown", "导出格式应为 xlsx 或 csv", "the format is xlsx or csv");
        }
        return f;
    }

    private static Response withTag(Invoice i) {
        return Response.ok(i).tag(Long.toString(i.version())).build();
    }
}
