package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.tagged;

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

import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.PriceRequest;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/price-requests: prices below the list price and discounts above a role's limit waiting for the service manager
 * (改价审批), and his decisions; thin over {@link PriceAuthority}. A decision is on the request, so it takes no
 * If-Match; its answer is the work order with its new ETag.
 */
@Component(service = PriceRequestResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("price-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "改价审批 Price requests")
public class PriceRequestResource {

    @Reference
    PriceAuthority prices;

    /** Why the manager approves or rejects, or the requester withdraws. */
    public record Deciding(String reason) {
    }

    @GET
    @RequiresPermission("workorder.read")
    @Operation(summary = "待审批改价 Pending price requests of open work orders, oldest first (the manager's list)", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of price requests (items, page, size, total)"))
    public Page<PriceRequest> pending(@Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        return prices.pending(PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("{requestId}")
    @RequiresPermission("workorder.read")
    @Operation(summary = "改价申请 One price request, pending or decided", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PriceRequest.class))),
            @ApiResponse(responseCode = "404", description = "no such request") })
    public PriceRequest get(@PathParam("requestId") String requestId) {
        return prices.get(Params.id("requestId", requestId));
    }

    @POST
    @Path("{requestId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "批准改价 The manager approves: the requested price applies, the customer approves the job again", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Deciding.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "409", description = "already decided (price.decided), or the work order was"
                    + " delivered or cancelled") })
    @RequiresPermission("workorder.price.approve")
    public Response approve(@PathParam("requestId") String requestId, Deciding deciding,
            @Context SecurityContext security) {
        return tagged(prices.approve(Params.id("requestId", requestId), reason(deciding), RestActor.from(security)));
    }

    @POST
    @Path("{requestId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "驳回改价 The manager rejects: the line keeps its price", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Deciding.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "409", description = "already decided (price.decided)") })
    @RequiresPermission("workorder.price.approve")
    public Response reject(@PathParam("requestId") String requestId, Deciding deciding,
            @Context SecurityContext security) {
        return tagged(prices.reject(Params.id("requestId", requestId), reason(deciding), RestActor.from(security)));
    }

    @POST
    @Path("{requestId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "撤回改价 Take a pending request back; the line keeps its price", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = Deciding.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "409", description = "already decided (price.decided)") })
    @RequiresPermission("workorder.line.price")
    public Response withdraw(@PathParam("requestId") String requestId, Deciding deciding,
            @Context SecurityContext security) {
        return tagged(prices.withdraw(Params.id("requestId", requestId), reason(deciding), RestActor.from(security)));
    }

    private static String reason(Deciding deciding) {
        return deciding == null ? null : deciding.reason();
    }
}
