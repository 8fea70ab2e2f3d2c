package org.opendms.settlement.rest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.settlement.api.payment.Notification;
import org.opendms.settlement.api.payment.NotificationOutcome;
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePayments;
import org.opendms.settlement.api.payment.OnlinePayments.ProviderOption;
import org.opendms.settlement.api.payment.PaymentScene;
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
 * /api/settlements/online-payments: thin over {@link OnlinePayments}. The provider's notification is the one operation
 * answered without a login: its signature, checked by the provider's driver, is its authentication.
 */
@Component(service = OnlinePaymentResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("settlements/online-payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "在线支付 Online payment")
public class OnlinePaymentResource {

    /** The path of notifications, which the platform's login filter lets through without credentials. */
    public static final String NOTIFY = "settlements/online-payments/notify/";
    private static final int NOTIFICATION_MAX = 64 * 1024;

    @Reference
    OnlinePayments payments;

    /**
     * @param settlementId the document to pay (OPEN)
     * @param provider     e.g. WECHATPAY (GET providers)
     * @param scene        NATIVE_QR: a QR code to show; PAYMENT_CODE: the customer's code scanned
     * @param amount       yuan; absent: the whole outstanding amount
     * @param authCode     PAYMENT_CODE only: the scanned code
     */
    public record OnlinePaymentDraft(Long settlementId, String provider, PaymentScene scene, BigDecimal amount,
            String authCode) {
    }

    /** @param reason why, shown to the customer */
    public record RefundDraft(BigDecimal amount, String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "发起在线支付 Start an online payment of an open document (a QR code to show, or the customer's payment code)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OnlinePaymentDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OnlinePayment.class))),
            @ApiResponse(responseCode = "400", description = "provider, scene, amount or payment code wrong (each named)"),
            @ApiResponse(responseCode = "409", description = "the document is not open, a payment is waiting, or the provider refused"),
            @ApiResponse(responseCode = "503", description = "the provider cannot be reached: refresh the payment") })
    @RequiresPermission("settlement.online.start")
    public Response start(OnlinePaymentDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        if (draft == null || draft.settlementId() == null) {
            throw DmsException.invalid("settlementId", "required", "请选择要收款的结算单", "choose the document to pay");
        }
        OnlinePayment p = payments.start(draft.settlementId(), draft.provider(), draft.scene(), draft.amount(),
                draft.authCode(), RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(p.id())).build();
        return Response.created(location).entity(p).build();
    }

    @GET
    @Operation(summary = "结算单的在线支付 A document's online payments, oldest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = OnlinePayment.class)))))
    @RequiresPermission("settlement.online.read")
    public List<OnlinePayment> forSettlement(
            @Parameter(description = "结算单 id document id", required = true) @QueryParam("settlementId") String settlementId,
            @Context SecurityContext security) {
        return payments.forSettlement(Params.id("settlementId", settlementId), RestActor.from(security));
    }

    @GET
    @Path("providers")
    @Operation(summary = "在线支付平台 The providers running now", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProviderOption.class)))))
    @RequiresPermission("settlement.online.read")
    public List<ProviderOption> providers() {
        return payments.providers();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "在线支付 Read an online payment", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OnlinePayment.class))),
            @ApiResponse(responseCode = "404", description = "no such payment") })
    @RequiresPermission("settlement.online.read")
    public OnlinePayment get(@PathParam("id") String id, @Context SecurityContext security) {
        return payments.get(Params.id("id", id), RestActor.from(security));
    }

    @POST
    @Path("{id}/refresh")
    @Operation(summary = "查询支付结果 Ask the provider now (a late notification) and apply what it says", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OnlinePayment.class))),
            @ApiResponse(responseCode = "404", description = "no such payment"),
            @ApiResponse(responseCode = "503", description = "the provider cannot be reached") })
    @RequiresPermission("settlement.online.start")
    public OnlinePayment refresh(@PathParam("id") String id, @Context SecurityContext security) {
        return payments.refresh(Params.id("id", id), RestActor.from(security));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "关单 Close a pending payment the customer will not pay; the bill can then be paid another way", responses = {
            @ApiResponse(responseCode = "200", description = "CLOSED, or APPLIED when the customer paid at the last moment", content = @Content(schema = @Schema(implementation = OnlinePayment.class))),
            @ApiResponse(responseCode = "404", description = "no such payment"),
            @ApiResponse(responseCode = "409", description = "no longer pending (payment.not_pending)"),
            @ApiResponse(responseCode = "503", description = "the provider cannot be reached or did not close it: nothing changed") })
    @RequiresPermission("settlement.online.start")
    public OnlinePayment close(@PathParam("id") String id, @Context SecurityContext security) {
        return payments.close(Params.id("id", id), RestActor.from(security));
    }

    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "在线支付退款 The manager gives money back through the provider", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RefundDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OnlinePayment.class))),
            @ApiResponse(responseCode = "400", description = "amount over what is left, or no reason"),
            @ApiResponse(responseCode = "409", description = "nothing was paid, or the provider refused") })
    @RequiresPermission("settlement.online.refund")
    public OnlinePayment refund(@PathParam("id") String id, RefundDraft draft, @Context SecurityContext security) {
        return payments.refund(Params.id("id", id), draft == null ? null : draft.amount(),
                draft == null ? null : draft.reason(), RestActor.from(security));
    }

    @POST
    @Path("notify/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "支付结果通知 The provider's notification (no login: its signature is checked); 204 when taken or already known", responses = {
            @ApiResponse(responseCode = "204", description = "taken (or a replay of one taken)"),
            @ApiResponse(responseCode = "400", description = "the signature does not verify: nothing changed (recorded)"),
            @ApiResponse(responseCode = "409", description = "verified but not matching a payment (another amount): nothing changed (recorded)") })
    public Response notification(@PathParam("provider") String provider, @Context HttpHeaders headers,
            InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(NOTIFICATION_MAX);
        Map<String, String> h = new HashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> h.put(k, v.isEmpty() ? "" : v.get(0)));
        NotificationOutcome outcome = payments.notify(provider, new Notification(h, bytes));
        if (outcome == NotificationOutcome.MISMATCH) {
            throw DmsException.conflict("out_trade_no", "notification.mismatch", "通知与在线支付不符（金额或单号），未做修改",
                    "the notification does not match the payment (amount or number); nothing changed");
        }
        return Response.noContent().build();
    }
}
