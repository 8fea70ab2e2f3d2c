package org.opendms.parts.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

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

import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrderDraft;
import org.opendms.parts.api.purchasing.PurchaseOrderQuery;
import org.opendms.parts.api.purchasing.PurchaseOrderStatus;
import org.opendms.parts.api.purchasing.PurchaseOrders;
import org.opendms.parts.api.purchasing.Receipt;
import org.opendms.parts.api.purchasing.ReceiptDraft;
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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/parts/purchase-orders: purchase orders (采购单) from draft to received, and receiving against them (到货入库);
 * thin over {@link PurchaseOrders}.
 */
@Component(service = PurchaseOrderResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "采购 Purchasing")
public class PurchaseOrderResource {

    @Reference
    PurchaseOrders orders;

    /** @param reason why the order is cancelled */
    public record Cancellation(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建采购单（草稿） Draft a purchase order; a line without unitPrice takes the supplier's price", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PurchaseOrderDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PurchaseOrder.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong (lines[i].field), or no supplier price (price.unknown)") })
    @RequiresPermission("parts.po.edit")
    public Response create(PurchaseOrderDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        PurchaseOrder o = orders.create(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(o.id())).build();
        return Response.created(location).tag(Long.toString(o.version())).entity(o).build();
    }

    @GET
    @Operation(summary = "查找采购单 Search purchase orders, newest first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of purchase orders"))
    @RequiresPermission("parts.po.read")
    public Page<PurchaseOrder> search(@QueryParam("supplierId") String supplierId,
            @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "DRAFT, SENT, PARTLY_RECEIVED, RECEIVED, CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "true: SENT or PARTLY_RECEIVED only") @QueryParam("open") String open,
            @Parameter(description = "number, any part") @QueryParam("number") String number,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PurchaseOrderQuery q = new PurchaseOrderQuery(optionalId("supplierId", supplierId),
                optionalId("warehouseId", warehouseId), status(status), Params.bool("open", open), number);
        return orders.search(q, PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "采购单详情 Read a purchase order (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PurchaseOrder.class))),
            @ApiResponse(responseCode = "404", description = "no such purchase order") })
    @RequiresPermission("parts.po.read")
    public Response get(@PathParam("id") String id) {
        return tagged(orders.get(Params.id("id", id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改草稿 Replace a draft's supplier, warehouse and lines (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PurchaseOrderDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PurchaseOrder.class))),
            @ApiResponse(responseCode = "409", description = "changed since read, or no longer a draft (po.status)") })
    @RequiresPermission("parts.po.edit")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PurchaseOrderDraft draft, @Context SecurityContext security) {
        return tagged(orders.update(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security)));
    }

    @POST
    @Path("{id}/send")
    @Operation(summary = "发送采购单 Send a draft to the supplier: its quantities count as on order (If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PurchaseOrder.class))),
            @ApiResponse(responseCode = "409", description = "changed since read, or not a draft") })
    @RequiresPermission("parts.po.edit")
    public Response send(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(orders.send(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "取消采购单 Cancel with a reason; what was received stays (If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PurchaseOrder.class))),
            @ApiResponse(responseCode = "400", description = "no reason"),
            @ApiResponse(responseCode = "409", description = "changed since read, or already received or cancelled") })
    @RequiresPermission("parts.po.edit")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Cancellation cancellation, @Context SecurityContext security) {
        return tagged(orders.cancel(Params.id("id", id), Params.ifMatch(ifMatch),
                cancellation == null ? null : cancellation.reason(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "到货入库 Receive a delivery against the order: all lines into the ledger or none (If-Match: the order's ETag)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReceiptDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Receipt.class))),
            @ApiResponse(responseCode = "400", description = "a line is wrong or more than is open (receipt.over_quantity)"),
            @ApiResponse(responseCode = "409", description = "changed since read, or not sent") })
    @RequiresPermission("parts.po.receive")
    public Response receive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ReceiptDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        long order = Params.id("id", id);
        Receipt r = orders.receive(order, Params.ifMatch(ifMatch), draft, RestActor.from(security));
        // the order's new version, so that the next receipt needs no extra read
        long version = orders.get(order).version();
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build())
                .tag(Long.toString(version)).entity(r).build();
    }

    @GET
    @Path("{id}/receipts")
    @Operation(summary = "到货记录 The order's receipts, oldest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Receipt.class)))))
    @RequiresPermission("parts.po.read")
    public List<Receipt> receipts(@PathParam("id") String id) {
        return orders.receipts(Params.id("id", id));
    }

    private static Response tagged(PurchaseOrder o) {
        return Response.ok(o).tag(Long.toString(o.version())).build();
    }

    static Long optionalId(String field, String raw) {
        return raw == null || raw.isEmpty() ? null : Params.id(field, raw);
    }

    private static PurchaseOrderStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return PurchaseOrderStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("status", "wrong_type",
                    "status 应为 DRAFT、SENT、PARTLY_RECEIVED、RECEIVED 或 CANCELLED",
                    "status must be DRAFT, SENT, PARTLY_RECEIVED, RECEIVED or CANCELLED");
        }
    }
}
