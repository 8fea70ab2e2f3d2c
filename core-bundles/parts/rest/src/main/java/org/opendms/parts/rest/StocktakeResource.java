package org.opendms.parts.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

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

import org.opendms.parts.api.stocktake.Count;
import org.opendms.parts.api.stocktake.Stocktake;
import org.opendms.parts.api.stocktake.StocktakeDraft;
import org.opendms.parts.api.stocktake.StocktakeStatus;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
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
 * /api/parts/stocktakes: count sheets (盘点单) frozen at a moment, counts by line or scanned part number, the
 * manager's approval that posts the variances; thin over {@link Stocktakes}.
 */
@Component(service = StocktakeResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/stocktakes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "盘点 Stocktake")
public class StocktakeResource {

    @Reference
    Stocktakes stocktakes;

    public record Counts(List<Count> counts) {
    }

    /** @param reason why: a recount, a cancellation */
    public record Reason(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "开盘点单 Freeze a count sheet of a warehouse or some of its bins", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StocktakeDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "409", description = "a bin is on another open stocktake (stocktake.bin_busy)") })
    @RequiresPermission("parts.stocktake.count")
    public Response open(StocktakeDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Stocktake s = stocktakes.open(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build();
        return Response.created(location).tag(Long.toString(s.version())).entity(s).build();
    }

    @GET
    @Operation(summary = "查找盘点单 Stocktakes, newest first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of stocktakes"))
    @RequiresPermission("parts.stocktake.read")
    public Page<Stocktake> search(@QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "COUNTING, SUBMITTED, POSTED, CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        return stocktakes.search(PurchaseOrderResource.optionalId("warehouseId", warehouseId), status(status),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)), RestActor.from(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "盘点单详情 A stocktake with its lines and variances (values for roles that see costs)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "404", description = "no such stocktake") })
    @RequiresPermission("parts.stocktake.read")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return tagged(stocktakes.get(Params.id("id", id), RestActor.from(security)));
    }

    @POST
    @Path("{id}/counts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "录入盘点数量 Enter counts by line, or by part number (scanned) and bin (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Counts.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "400", description = "a count is wrong (counts[i].field)"),
            @ApiResponse(responseCode = "409", description = "changed since read, or no longer counting") })
    @RequiresPermission("parts.stocktake.count")
    public Response count(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Counts counts, @Context SecurityContext security) {
        return tagged(stocktakes.count(Params.id("id", id), Params.ifMatch(ifMatch),
                counts == null ? null : counts.counts(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "提交审批 Counting finished: the manager reviews the variances (If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "409", description = "lines not counted (stocktake.uncounted), changed since read") })
    @RequiresPermission("parts.stocktake.count")
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(stocktakes.submit(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退回重盘 Send back for a recount, with a reason (manager; If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "409", description = "not submitted, changed since read") })
    @RequiresPermission("parts.stocktake.approve")
    public Response reopen(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Reason reason, @Context SecurityContext security) {
        return tagged(stocktakes.reopen(Params.id("id", id), Params.ifMatch(ifMatch),
                reason == null ? null : reason.reason(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "审批过账 Approve: the variances post as ledger adjustments, all or none (manager; If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "409", description = "not submitted, changed since read, or an adjustment would take stock below 0") })
    @RequiresPermission("parts.stocktake.approve")
    public Response approve(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(stocktakes.approve(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "取消盘点 Cancel with a reason; nothing is posted (If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stocktake.class))),
            @ApiResponse(responseCode = "409", description = "already posted or cancelled, changed since read") })
    @RequiresPermission("parts.stocktake.count")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Reason reason, @Context SecurityContext security) {
        return tagged(stocktakes.cancel(Params.id("id", id), Params.ifMatch(ifMatch),
                reason == null ? null : reason.reason(), RestActor.from(security)));
    }

    private static Response tagged(Stocktake s) {
        return Response.ok(s).tag(Long.toString(s.version())).build();
    }

    private static StocktakeStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return StocktakeStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("status", "wrong_type", "status 应为 COUNTING、SUBMITTED、POSTED 或 CANCELLED",
                    "status must be COUNTING, SUBMITTED, POSTED or CANCELLED");
        }
    }
}
