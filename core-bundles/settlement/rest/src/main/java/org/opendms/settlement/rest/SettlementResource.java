package org.opendms.settlement.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.settlement.api.CreditAccount;
import org.opendms.settlement.api.CreditAccounts;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.Deposits;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderAvailability;
import org.opendms.settlement.api.TenderOption;
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

/**
 * /api/settlements: thin over {@link Settlements}, {@link Deposits} and {@link CreditAccounts}, which hold every rule.
 */
@Component(service = SettlementResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("settlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "结算 Settlement")
public class SettlementResource {

    @Reference
    Settlements settlements;

    @Reference
    Deposits deposits;

    @Reference
    CreditAccounts accounts;

    /** @param tenders one or more, adding up to what is outstanding */
    public record Payment(List<TenderDraft> tenders) {
    }

    /** @param reason why (红冲原因, 先交车原因) */
    public record Reason(String reason) {
    }

    /** 订金 taken at reception. */
    public record DepositDraft(Long workOrderId, BigDecimal amount, String method, String reference) {
    }

    /** 挂账 limit and terms. */
    public record CreditTerms(BigDecimal creditLimit, Integer termsDays) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "结算工单 Settle a completed work order: one document per payer", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SettleRequest.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Settlement.class)))),
            @ApiResponse(responseCode = "400", description = "a job, line, discount or rounding is wrong (each named)"),
            @ApiResponse(responseCode = "409", description = "not completed, already paid (reverse first), or settled by someone else meanwhile") })
    @RequiresPermission("settlement.settle")
    public Response settle(SettleRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        if (request == null) {
            throw DmsException.invalid("workOrderId", "required", "请选择要结算的工单", "choose the work order to settle");
        }
        List<Settlement> made = settlements.settle(request, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().queryParam("workOrderId", request.workOrderId()).build();
        return Response.created(location).entity(made).build();
    }

    @GET
    @Operation(summary = "工单的结算单 A work order's documents, oldest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Settlement.class)))))
    @RequiresPermission("settlement.read")
    public List<Settlement> forWorkOrder(
            @Parameter(description = "工单 id work-order id", required = true) @QueryParam("workOrderId") String workOrderId) {
        return settlements.forWorkOrder(Params.id("workOrderId", workOrderId));
    }

    @GET
    @Path("pay-later")
    @Operation(summary = "先交车后付款待收 Bills still to collect of cars let go to pay later, oldest first (at most 200)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Settlement.class)))))
    @RequiresPermission("settlement.read")
    public List<Settlement> payLater() {
        return settlements.openAfterDelivery();
    }

    @GET
    @Path("tenders")
    @Operation(summary = "可用付款方式 The tender methods a payment may use (core and plugins)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TenderOption.class)))))
    @RequiresPermission("settlement.read")
    public List<TenderOption> tenders() {
        return settlements.tenderOptions();
    }

    @GET
    @Path("{id}/tenders")
    @Operation(summary = "本单可用的插件付款方式 The plugin tenders usable for this document and how much each has (a member's stored value)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TenderAvailability.class)))))
    @RequiresPermission("settlement.pay")
    public List<TenderAvailability> availableTenders(@PathParam("id") String id, @Context SecurityContext security) {
        return settlements.availableTenders(Params.id("id", id), RestActor.from(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "结算单 Read a document (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Settlement.class))),
            @ApiResponse(responseCode = "404", description = "no such document") })
    @RequiresPermission("settlement.read")
    public Response get(@PathParam("id") String id) {
        return withTag(settlements.get(Params.id("id", id)));
    }

    @POST
    @Path("{id}/approve-discount")
    @Operation(summary = "审批折扣 The manager approves a discount over the limit (If-Match: the ETag read)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Settlement.class))),
            @ApiResponse(responseCode = "409", description = "awaits no approval, or changed since read") })
    @RequiresPermission("settlement.discount.approve")
    public Response approveDiscount(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return withTag(settlements.approveDiscount(Params.id("id", id), Params.ifMatch(ifMatch),
                RestActor.from(security)));
    }

    @POST
    @Path("{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "收款 Take the whole outstanding amount in one or more tenders, all or nothing (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Payment.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Settlement.class))),
            @ApiResponse(responseCode = "400", description = "tenders do not add up, or a tender is wrong (each named)"),
            @ApiResponse(responseCode = "409", description = "not open, changed since read, transaction number used, credit over the limit") })
    @RequiresPermission("settlement.pay")
    public Response pay(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Payment payment, @Context SecurityContext security) {
        return withTag(settlements.pay(Params.id("id", id), Params.ifMatch(ifMatch),
                payment == null ? null : payment.tenders(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "红冲 The manager reverses a settled document with a reason; refunds go to the same tenders (If-Match: the ETag read)", responses = {
            @ApiResponse(responseCode = "201", description = "the reversal document", content = @Content(schema = @Schema(implementation = Settlement.class))),
            @ApiResponse(responseCode = "400", description = "no reason"),
            @ApiResponse(responseCode = "409", description = "not settled, or changed since read") })
    @RequiresPermission("settlement.reverse")
    public Response reverse(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Reason reason, @Context SecurityContext security, @Context UriInfo uri) {
        Settlement r = settlements.reverse(Params.id("id", id), Params.ifMatch(ifMatch),
                reason == null ? null : reason.reason(), RestActor.from(security));
        URI location = uri.getBaseUriBuilder().path("settlements").path(Long.toString(r.id())).build();
        return Response.created(location).tag(Long.toString(r.version())).entity(r).build();
    }

    @POST
    @Path("pay-later/{workOrderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "先交车后付款 The manager lets the car leave before it is paid, with why", responses = {
            @ApiResponse(responseCode = "204", description = "recorded"),
            @ApiResponse(responseCode = "400", description = "no reason") })
    @RequiresPermission("settlement.pay-later")
    public Response payLater(@PathParam("workOrderId") String workOrderId, Reason reason,
            @Context SecurityContext security) {
        settlements.allowDeliveryUnpaid(Params.id("workOrderId", workOrderId),
                reason == null ? null : reason.reason(), RestActor.from(security));
        return Response.noContent().build();
    }

    @POST
    @Path("deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "收订金 Take a deposit for an open work order", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DepositDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Deposit.class))),
            @ApiResponse(responseCode = "400", description = "amount, method or reference wrong (each named)"),
            @ApiResponse(responseCode = "409", description = "the work order is delivered or cancelled; transaction number used") })
    @RequiresPermission("settlement.deposit.take")
    public Response takeDeposit(DepositDraft draft, @Context SecurityContext security) {
        if (draft == null || draft.workOrderId() == null) {
            throw DmsException.invalid("workOrderId", "required", "请选择工单", "the work order is required");
        }
        Deposit d = deposits.take(draft.workOrderId(), draft.amount(), draft.method(), draft.reference(),
                RestActor.from(security));
        return Response.status(Response.Status.CREATED).entity(d).build();
    }

    @GET
    @Path("deposits")
    @Operation(summary = "工单的订金 A work order's deposits", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Deposit.class)))))
    @RequiresPermission("settlement.read")
    public List<Deposit> deposits(
            @Parameter(description = "工单 id work-order id", required = true) @QueryParam("workOrderId") String workOrderId) {
        return deposits.ofWorkOrder(Params.id("workOrderId", workOrderId));
    }

    @GET
    @Path("credit-accounts")
    @Operation(summary = "挂账账户 Every credit account", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CreditAccount.class)))))
    @RequiresPermission("settlement.read")
    public List<CreditAccount> creditAccounts() {
        return accounts.all();
    }

    @GET
    @Path("credit-accounts/{customerId}")
    @Operation(summary = "客户的挂账账户 A customer's credit account (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreditAccount.class))),
            @ApiResponse(responseCode = "404", description = "the customer has no account") })
    @RequiresPermission("settlement.read")
    public Response creditAccount(@PathParam("customerId") String customerId) {
        CreditAccount a = accounts.ofCustomer(Params.id("customerId", customerId));
        return Response.ok(a).tag(Long.toString(a.version())).build();
    }

    @PUT
    @Path("credit-accounts/{customerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "开立或修改挂账账户 Open a company customer's credit account or change its limit and terms (If-Match for a change)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreditAccount.class))),
            @ApiResponse(responseCode = "400", description = "not a company, limit or terms wrong"),
            @ApiResponse(responseCode = "409", description = "changed since read, or opened twice") })
    @RequiresPermission("settlement.credit.edit")
    public Response saveCreditAccount(@PathParam("customerId") String customerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CreditTerms terms, @Context SecurityContext security) {
        Long version = ifMatch == null || ifMatch.isBlank() ? null : Params.ifMatch(ifMatch);
        CreditAccount a = accounts.save(Params.id("customerId", customerId), terms == null ? null : terms.creditLimit(),
                terms == null || terms.termsDays() == null ? 30 : terms.termsDays(), version, RestActor.from(security));
        return Response.ok(a).tag(Long.toString(a.version())).build();
    }

    private static Response withTag(Settlement s) {
        return Response.ok(s).tag(Long.toString(s.version())).build();
    }
}
