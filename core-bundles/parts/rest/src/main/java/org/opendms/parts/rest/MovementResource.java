package org.opendms.parts.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import javax.ws.rs.core.UriInfo;

import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/parts/movements: receiving (入库), issue to a work-order line (领料) and return from it (退料), each a posting of
 * ledger rows, all or none; and the ledger itself. A part may be named by its id or by its number as typed or scanned,
 * a bin by its id or its code as typed or scanned from its label.
 */
@Component(service = MovementResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/movements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "配件 Parts")
public class MovementResource {

    @Reference
    Catalogue catalogue;
    @Reference
    Warehouses warehouses;
    @Reference
    StockLedger ledger;
    @Reference
    ShopClock clock;

    /**
     * One line received.
     *
     * @param partId      the part, or
     * @param part        its number as typed or scanned
     * @param binId       the bin, or
     * @param bin         its code as typed or scanned from its label; neither: the warehouse's default bin
     * @param quantity    more than 0
     * @param unitCost    purchase cost per unit without tax, 4 decimals at most
     * @param batchNumber required for a batch-tracked part
     * @param expiresOn   the batch's expiry, yyyy-MM-dd
     */
    public record ReceiptLine(Long partId, String part, Long binId, String bin, BigDecimal quantity,
            BigDecimal unitCost, String batchNumber, LocalDate expiresOn) {
    }

    /**
     * A receipt without a purchase order (receipts against one are the purchasing screens').
     *
     * @param warehouseId the warehouse, or
     * @param warehouse   its code
     * @param reference   delivery note or invoice number, optional
     */
    public record ReceiptForm(Long warehouseId, String warehouse, String reference, List<ReceiptLine> lines) {
    }

    /**
     * An issue to, or a return from, a work-order part line.
     *
     * @param batchNumber optional for an issue (absent: first expiry first), required to return a batch-tracked part
     * @param reason      why it comes back (returns), optional
     */
    public record LineMovementForm(Long workOrderId, Long lineId, Long warehouseId, String warehouse, Long partId,
            String part, Long binId, String bin, BigDecimal quantity, String batchNumber, String reason) {
    }

    @POST
    @Path("receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "入库 Receive parts into a warehouse and bins (no purchase order), all lines or none", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReceiptForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Posting.class))),
            @ApiResponse(responseCode = "400", description = "a line's field is wrong (lines[i].part, lines[i].quantity, lines[i].unitCost …); nothing posted"),
            @ApiResponse(responseCode = "409", description = "a part withdrawn (part.inactive); nothing posted") })
    @RequiresPermission(Perms.RECEIVE)
    public Response receive(ReceiptForm form, @Context SecurityContext security, @Context UriInfo uri) {
        if (form == null) {
            throw DmsException.invalid("lines", "required", "请填写入库明细", "lines are required");
        }
        // every wrong part of the receipt named at once: the warehouse, the reference, each line
        List<Violation> wrong = new ArrayList<>();
        Warehouse w = Scans.warehouse(warehouses, "warehouse", form.warehouseId(), form.warehouse(), wrong);
        String reference = null;
        try {
            reference = Forms.text("reference", form.reference(), 40);
        } catch (DmsException e) {
            wrong.addAll(e.violations());
        }
        List<ReceiptLine> given = form.lines() == null ? List.of() : form.lines();
        if (given.isEmpty()) {
            wrong.add(new Violation("lines", "required", "至少一行入库明细", "at least one line"));
        } else if (given.size() > 500) {
            throw DmsException.invalid("lines", "too_many", "一次最多 500 行", "at most 500 lines at a time");
        }
        List<MovementDraft> drafts = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ReceiptLine l = given.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                wrong.add(new Violation("lines[" + i + "]", "required", "第 " + (i + 1) + " 行为空",
                        "line " + (i + 1) + " is empty"));
                continue;
            }
            try {
                long partId = partId(at, l.partId(), l.part());
                Long binId = w == null ? null : binId(w, at, l.binId(), l.bin());
                drafts.add(MovementDraft.receipt(partId, w.id(), binId, l.quantity(), l.unitCost(), reference)
                        .inBatch(l.batchNumber(), l.expiresOn()));
            } catch (DmsException e) {
                wrong.addAll(e.violations());
            }
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        return created(ledger.post(drafts, RestActor.from(security)), uri);
    }

    @POST
    @Path("issues")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "领料 Issue a part to a work-order part line (from a bin, or from the bins holding it)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LineMovementForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Posting.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong; nothing posted"),
            @ApiResponse(responseCode = "409", description = "not enough on hand (stock.insufficient), only expired stock (batch.expired), part withdrawn; nothing posted") })
    @RequiresPermission(Perms.ISSUE)
    public Response issue(LineMovementForm form, @Context SecurityContext security, @Context UriInfo uri) {
        return created(
                Forms.oneLine(() -> ledger.post(lineMovement(MovementType.ISSUE, form), RestActor.from(security))),
                uri);
    }

    @POST
    @Path("returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退料 Take back a part from a work-order part line (not more than it got)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LineMovementForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Posting.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong; nothing posted"),
            @ApiResponse(responseCode = "409", description = "more than the line got (return.exceeds_issued); nothing posted") })
    @RequiresPermission(Perms.RETURN)
    public Response giveBack(LineMovementForm form, @Context SecurityContext security, @Context UriInfo uri) {
        return created(
                Forms.oneLine(() -> ledger.post(lineMovement(MovementType.RETURN, form), RestActor.from(security))),
                uri);
    }

    @GET
    @Path("postings/{id}")
    @Operation(summary = "过账单 The ledger rows posted together", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Posting.class))),
            @ApiResponse(responseCode = "404", description = "no such posting") })
    @RequiresPermission(Perms.LEDGER_READ)
    public Posting posting(@PathParam("id") String id, @Context SecurityContext security) {
        return ledger.posting(Params.id("id", id), RestActor.from(security));
    }

    @GET
    @Operation(summary = "库存流水 The ledger, newest first: by part, warehouse, type, work order, shop-local days", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of ledger rows"))
    @RequiresPermission(Perms.LEDGER_READ)
    public Page<StockMovement> search(@Parameter(description = "配件编号 part id") @QueryParam("partId") String partId,
            @Parameter(description = "仓库编号 warehouse id") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "RECEIPT, ISSUE, RETURN, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, RETURN_TO_SUPPLIER, OLD_PART_KEPT") @QueryParam("type") String type,
            @Parameter(description = "工单编号 work order id") @QueryParam("workOrderId") String workOrderId,
            @Parameter(description = "from shop-local day, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "to shop-local day, yyyy-MM-dd (inclusive)") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        LocalDate toDay = Params.day("to", to);
        LedgerQuery query = new LedgerQuery(PartResource.optionalId("partId", partId),
                PartResource.optionalId("warehouseId", warehouseId), Forms.movementType(type),
                PartResource.optionalId("workOrderId", workOrderId),
                Forms.startOf(Params.day("from", from), clock.zone()),
                toDay == null ? null : Forms.startOf(toDay.plusDays(1), clock.zone()));
        return ledger.search(query, request, RestActor.from(security));
    }

    private MovementDraft lineMovement(MovementType type, LineMovementForm form) {
        if (form == null) {
            throw DmsException.invalid("workOrderId", "required", "请填写工单、明细、配件和数量",
                    "workOrderId, lineId, part and quantity are required");
        }
        List<Violation> wrong = new ArrayList<>();
        Long workOrderId = null;
        Long lineId = null;
        Long partId = null;
        Long binId = null;
        Warehouse w = null;
        try {
            workOrderId = Forms.required("workOrderId", form.workOrderId());
        } catch (DmsException e) {
            wrong.addAll(e.violations());
        }
        try {
            lineId = Forms.required("lineId", form.lineId());
        } catch (DmsException e) {
            wrong.addAll(e.violations());
        }
        try {
            partId = partId("", form.partId(), form.part());
        } catch (DmsException e) {
            wrong.addAll(e.violations());
        }
        w = Scans.warehouse(warehouses, "warehouse", form.warehouseId(), form.warehouse(), wrong);
        if (w != null) {
            try {
                binId = binId(w, "", form.binId(), form.bin());
            } catch (DmsException e) {
                wrong.addAll(e.violations());
            }
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        String reason = Forms.text("reason", form.reason(), 200);
        MovementDraft draft = type == MovementType.ISSUE
                ? MovementDraft.issue(partId, w.id(), binId, form.quantity(), workOrderId, lineId)
                : MovementDraft.returned(partId, w.id(), binId, form.quantity(), workOrderId, lineId, reason);
        return form.batchNumber() == null ? draft : draft.inBatch(form.batchNumber(), null);
    }

    private long partId(String at, Long id, String typed) {
        return Scans.partId(catalogue, at, id, typed);
    }

    private Long binId(Warehouse w, String at, Long id, String typed) {
        return Scans.binId(warehouses, w, at, id, typed);
    }

    private static Response created(Posting posting, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path("parts/movements/postings").path(Long.toString(posting.id()))
                .build();
        return Response.created(location).entity(posting).build();
    }
}
