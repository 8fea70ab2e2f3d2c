package org.opendms.parts.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Transfer;
import org.opendms.parts.api.TransferDraft;
import org.opendms.parts.api.Transfers;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/parts/transfers: transfers between warehouses (调拨), in transit from sending until received. */
@Component(service = TransferResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "配件 Parts")
public class TransferResource {

    @Reference
    Transfers transfers;
    @Reference
    Warehouses warehouses;
    @Reference
    Catalogue catalogue;

    /** @param partId the part, or part: its number typed or scanned; fromBinId / fromBin optional */
    public record TransferLine(Long partId, String part, Long fromBinId, String fromBin, BigDecimal quantity) {
    }

    /** From and to: each a warehouse id or code. */
    public record TransferForm(Long fromWarehouseId, String fromWarehouse, Long toWarehouseId, String toWarehouse,
            List<TransferLine> lines, String reason) {
    }

    /** @param binId the bin received into, or bin: its code typed or scanned; neither: the default bin */
    public record TransferArrival(Long binId, String bin) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "调拨出库 Send parts to another warehouse: they leave now and are in transit until received", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TransferForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong (same warehouse, lines[i].part …); nothing sent"),
            @ApiResponse(responseCode = "409", description = "not enough available (stock.insufficient); nothing sent") })
    @RequiresPermission(Perms.TRANSFER)
    public Response send(TransferForm form, @Context SecurityContext security, @Context UriInfo uri) {
        if (form == null) {
            throw DmsException.invalid("lines", "required", "请填写调拨明细", "lines are required");
        }
        List<Violation> wrong = new ArrayList<>();
        Warehouse from = null;
        Warehouse to = null;
        try {
            from = Scans.warehouse(warehouses, "fromWarehouse", form.fromWarehouseId(), form.fromWarehouse());
        } catch (DmsException e) {
            wrong.addAll(e.violations());
        }
        try {
            to = Scans.warehouse(warehouses, "toWarehouse", form.toWarehouseId(), form.toWarehouse());
        } catch (DmsException e) {
            wrong.addAll(e.violations());
        }
        List<TransferDraft.Line> lines = new ArrayList<>();
        List<TransferLine> given = form.lines() == null ? List.of() : form.lines();
        if (given.size() > 500) {
            throw DmsException.invalid("lines", "too_many", "一次最多 500 行", "at most 500 lines at a time");
        }
        for (int i = 0; i < given.size(); i++) {
            TransferLine l = given.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                wrong.add(new Violation("lines[" + i + "]", "required", "第 " + (i + 1) + " 行为空",
                        "line " + (i + 1) + " is empty"));
                continue;
            }
            try {
                long partId = Scans.partId(catalogue, at, l.partId(), l.part());
                Long binId = l.fromBinId();
                if (binId == null && from != null && l.fromBin() != null && !l.fromBin().isBlank()) {
                    binId = Scans.bin(warehouses, from, at + "fromBin", l.fromBin()).id();
                }
                lines.add(new TransferDraft.Line(partId, binId, l.quantity()));
            } catch (DmsException e) {
                wrong.addAll(e.violations());
            }
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        Transfer sent = sendNamingTheForm(
                new TransferDraft(from.id(), to.id(), lines, Forms.text("reason", form.reason(), 200)),
                RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(sent.id())).replaceQuery(null).build();
        return Response.created(location).tag(Long.toString(sent.version())).entity(sent).build();
    }

    /**
     * Sends the transfer; a refusal of the stock ledger names a line's bin and warehouse as the ledger calls them
     * ({@code lines[0].binId}, {@code lines[0].warehouseId}): named here as the form does ({@code lines[0].fromBinId},
     * {@code fromWarehouseId}), the fields the client sent.
     */
    private Transfer sendNamingTheForm(TransferDraft draft, org.opendms.platform.api.Actor actor) {
        try {
            return transfers.send(draft, actor);
        } catch (DmsException e) {
            throw new DmsException(e.kind(), e.violations().stream()
                    .map(v -> new Violation(v.field().replaceFirst("^(lines\\[\\d+\\]\\.)binId$", "$1fromBinId")
                            .replaceFirst("^lines\\[\\d+\\]\\.warehouseId$", "fromWarehouseId"), v.code(),
                            v.messageZh(), v.messageEn()))
                    .toList());
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "调拨单 Read a transfer (ETag is its version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "404", description = "no such transfer") })
    @RequiresPermission(Perms.STOCK_READ)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Transfer t = transfers.get(Params.id("id", id), RestActor.from(security));
        return Response.ok(t).tag(Long.toString(t.version())).build();
    }

    @POST
    @Path("{id}/receive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "调拨入库 Receive a transfer into a bin of the destination (If-Match: the ETag read)", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = TransferArrival.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TransferView.class))),
            @ApiResponse(responseCode = "404", description = "no such transfer"),
            @ApiResponse(responseCode = "409", description = "already received (transfer.received), or changed since read") })
    @RequiresPermission(Perms.TRANSFER)
    public Response receive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            TransferArrival arrival, @Context SecurityContext security) {
        long transferId = Params.id("id", id);
        long version = Params.ifMatch(ifMatch);
        Long binId = arrival == null ? null : arrival.binId();
        if (binId == null && arrival != null && arrival.bin() != null && !arrival.bin().isBlank()) {
            Transfer t = transfers.get(transferId, RestActor.from(security));
            binId = Scans.bin(warehouses, warehouses.get(t.toWarehouseId()), "bin", arrival.bin()).id();
        }
        Transfer t = transfers.receive(transferId, version, binId, RestActor.from(security));
        return Response.ok(t).tag(Long.toString(t.version())).build();
    }
}
