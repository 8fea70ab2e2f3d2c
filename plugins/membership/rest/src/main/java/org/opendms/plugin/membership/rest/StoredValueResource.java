package org.opendms.plugin.membership.rest;

import java.math.BigDecimal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.membership.api.Liability;
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.StoredValueEntry;
import org.opendms.plugin.membership.api.TopUpRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/membership/stored-value: top-ups, refunds, adjustments, a member's ledger and the liability of a day. */
@Component(service = PluginResource.class)
@Path("stored-value")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "储值 Stored value")
public class StoredValueResource implements PluginResource {

    @Reference
    Membership membership;

    /** @param principal yuan paid back; @param reason why (required) */
    public record RefundRequest(BigDecimal principal, String reason) {
    }

    /** @param direction ADD (增加) or DEDUCT (扣减); principal and bonus ≥ 0; a reason is required */
    public record AdjustmentRequest(String direction, BigDecimal principal, BigDecimal bonus, String reason) {
    }

    @POST
    @Path("{memberId}/top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "充值 Sell a top-up: principal paid with a core tender, the bonus of the shop's rule unless given", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TopUpRequest.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StoredValueEntry.class))),
            @ApiResponse(responseCode = "400", description = "a wrong amount, bonus or tender") })
    @RequiresPermission("membership.topup")
    public Response topUp(@PathParam("memberId") String memberId, TopUpRequest body,
            @Context SecurityContext security) {
        return created(membership.topUp(Params.id("memberId", memberId), body, RestActor.from(security)));
    }

    @POST
    @Path("{memberId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "储值退款 Refund unused principal (the same share of bonus goes with it)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RefundRequest.class))), responses = @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StoredValueEntry.class))))
    @RequiresPermission("membership.refund")
    public Response refund(@PathParam("memberId") String memberId, RefundRequest body,
            @Context SecurityContext security) {
        if (body == null) {
            throw DmsException.invalid("principal", "required", "请填写退款本金", "principal is required");
        }
        return created(membership.refund(Params.id("memberId", memberId), body.principal(), body.reason(),
                RestActor.from(security)));
    }

    @POST
    @Path("{memberId}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "储值调整 Add or deduct principal and/or bonus by hand, with a reason; never below 0", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AdjustmentRequest.class))), responses = @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StoredValueEntry.class))))
    @RequiresPermission("membership.adjust")
    public Response adjust(@PathParam("memberId") String memberId, AdjustmentRequest body,
            @Context SecurityContext security) {
        if (body == null) {
            throw DmsException.invalid("principal", "required", "请填写调整金额", "principal or bonus is required");
        }
        return created(membership.adjust(Params.id("memberId", memberId), body.direction(), body.principal(),
                body.bonus(), body.reason(), RestActor.from(security)));
    }

    @GET
    @Path("{memberId}/ledger")
    @Operation(summary = "储值流水 The member's ledger, newest first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of entries"))
    @RequiresPermission("membership.member.read")
    public Page<StoredValueEntry> ledger(@PathParam("memberId") String memberId,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        return membership.ledger(Params.id("memberId", memberId),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)), RestActor.from(security));
    }

    @GET
    @Path("liability")
    @Operation(summary = "储值负债 Stored value owed at the end of a shop day: principal (a liability) and bonus", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Liability.class))))
    @RequiresPermission("membership.report.read")
    public Liability liability(
            @Parameter(description = "shop day yyyy-MM-dd", required = true) @QueryParam("day") String day,
            @Context SecurityContext security) {
        return membership.liability(Params.day("day", day), RestActor.from(security));
    }

    private static Response created(StoredValueEntry e) {
        return Response.status(Response.Status.CREATED).entity(e).build();
    }
}
