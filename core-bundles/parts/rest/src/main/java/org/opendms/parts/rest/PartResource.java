package org.opendms.parts.rest;

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

import org.opendms.parts.api.Batch;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartQuery;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockLimits;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Supersession;
import org.opendms.parts.api.SupersessionDraft;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
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
 * /api/parts: the catalogue (配件档案), a part's stock, batches, limits and ledger. Thin over the parts services, which
 * hold every rule; a part number may be typed any way (case, spaces, dashes) or scanned.
 */
@Component(service = PartResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "配件 Parts")
public class PartResource {

    @Reference
    Catalogue catalogue;
    @Reference
    Stock stock;
    @Reference
    StockLedger ledger;
    @Reference
    Warehouses warehouses;
    @Reference
    ShopClock clock;

    /**
     * A part as entered: {@link PartDraft} with the two flags optional (absent: false), so that a plain part is just
     * its
     * number, name, unit and retail price.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PartForm")
    public record PartForm(String number, String name, String brand, String category, String unit,
            org.opendms.parts.api.Prices prices, java.math.BigDecimal taxRate, String fitmentNotes,
            Boolean batchTracked, Boolean decimal) {
        PartDraft draft() {
            return new PartDraft(number, name, brand, category, unit, prices, taxRate, fitmentNotes,
                    Boolean.TRUE.equals(batchTracked), Boolean.TRUE.equals(decimal));
        }
    }

    /** @param active false withdraws the part; reason why (optional) */
    public record Activation(Boolean active, String reason) {
    }

    /** @param reason why the supersession ends */
    public record Ending(String reason) {
    }

    @GET
    @Operation(summary = "查找配件 Search the catalogue by part number (any part of it, as typed) or name", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of parts"))
    @RequiresPermission(Perms.CATALOGUE_READ)
    public Page<Part> search(
            @Parameter(description = "配件号或名称 part number (case, spaces, dashes do not matter) or name") @QueryParam("q") String q,
            @Parameter(description = "类别 category, exact") @QueryParam("category") String category,
            @Parameter(description = "品牌 brand, exact") @QueryParam("brand") String brand,
            @Parameter(description = "true includes withdrawn parts") @QueryParam("all") String all,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Boolean withdrawnToo = Params.bool("all", all);
        return catalogue.search(new PartQuery(Forms.text("q", q, 100), Forms.text("category", category, 60),
                Forms.text("brand", brand, 60), withdrawnToo == null || !withdrawnToo), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建配件 Add a part to the catalogue", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PartForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Part.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong (number, name, unit, prices …)"),
            @ApiResponse(responseCode = "409", description = "a part with the same number exists (part.duplicate)") })
    @RequiresPermission(Perms.CATALOGUE_EDIT)
    public Response add(PartForm draft, @Context SecurityContext security, @Context UriInfo uri) {
        if (draft == null) {
            throw DmsException.invalid("number", "required", "请填写配件信息", "the part is required");
        }
        Part created = catalogue.add(draft.draft(), RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).replaceQuery(null).build();
        return Response.created(location).tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Path("categories")
    @Operation(summary = "配件类别 The categories in use", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = String.class)))))
    @RequiresPermission(Perms.CATALOGUE_READ)
    public List<String> categories() {
        return catalogue.categories();
    }

    @GET
    @Path("lookup")
    @Operation(summary = "按配件号查找 The part of a number typed or scanned, with its successors when superseded", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartLookup.class))),
            @ApiResponse(responseCode = "400", description = "no number, or no part has it (part.unknown)") })
    @RequiresPermission(Perms.CATALOGUE_READ)
    public PartLookup lookup(
            @Parameter(description = "配件号 as typed or scanned", required = true) @QueryParam("number") String number) {
        return Scans.part(catalogue, "number", number);
    }

    @GET
    @Path("stock")
    @Operation(summary = "按配件号查库存 Stock of the part whose number is typed or scanned, in every warehouse", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartStock.class))),
            @ApiResponse(responseCode = "400", description = "no number, or no part has it (part.unknown)") })
    @RequiresPermission(Perms.STOCK_READ)
    public PartStock stockByNumber(
            @Parameter(description = "配件号 as typed or scanned", required = true) @QueryParam("number") String number,
            @Context SecurityContext security) {
        PartLookup found = Scans.part(catalogue, "number", number);
        return stock.ofPart(found.part().id(), RestActor.from(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "配件详情 Read a part (ETag is its version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Part.class))),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.CATALOGUE_READ)
    public Response get(@PathParam("id") String id) {
        return tagged(catalogue.get(Params.id("id", id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改配件 Change a part (If-Match: the ETag read); the number only while it has no ledger entry", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PartForm.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Part.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong"),
            @ApiResponse(responseCode = "404", description = "no such part"),
            @ApiResponse(responseCode = "409", description = "changed since read (stale_version), number in use, has stock") })
    @RequiresPermission(Perms.CATALOGUE_EDIT)
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PartForm draft, @Context SecurityContext security) {
        long partId = Params.id("id", id);
        long version = Params.ifMatch(ifMatch);
        if (draft == null) {
            throw DmsException.invalid("number", "required", "请填写配件信息", "the part is required");
        }
        return tagged(catalogue.update(partId, version, draft.draft(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "停用或启用配件 Withdraw a part from the catalogue or put it back (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Activation.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Part.class))),
            @ApiResponse(responseCode = "404", description = "no such part"),
            @ApiResponse(responseCode = "409", description = "changed since read, or it has stock (part.has_stock)") })
    @RequiresPermission(Perms.CATALOGUE_EDIT)
    public Response setActive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Activation activation, @Context SecurityContext security) {
        long partId = Params.id("id", id);
        long version = Params.ifMatch(ifMatch);
        if (activation == null || activation.active() == null) {
            throw DmsException.invalid("active", "required", "请给出 active（true 或 false）",
                    "active is required (true or false)");
        }
        return tagged(catalogue.setActive(partId, version, activation.active(),
                Forms.text("reason", activation.reason(), 200), RestActor.from(security)));
    }

    @GET
    @Path("{id}/supersessions")
    @Operation(summary = "替代关系 A part's supersessions in effect or to come", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Supersession.class)))),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.CATALOGUE_READ)
    public List<Supersession> supersessions(@PathParam("id") String id) {
        long partId = Params.id("id", id);
        catalogue.get(partId);
        return catalogue.supersessions(partId);
    }

    @POST
    @Path("{id}/supersessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记替代件 Record that a part is replaced (1:1), by a kit, or has alternatives", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupersessionDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Supersession.class)))),
            @ApiResponse(responseCode = "400", description = "kind, successors[i].partNumber, quantity or date wrong"),
            @ApiResponse(responseCode = "404", description = "no such part"),
            @ApiResponse(responseCode = "409", description = "a chain back to the part (supersession.cycle)") })
    @RequiresPermission(Perms.CATALOGUE_EDIT)
    public List<Supersession> supersede(@PathParam("id") String id, SupersessionDraft draft,
            @Context SecurityContext security) {
        long partId = Params.id("id", id);
        if (draft == null) {
            throw DmsException.invalid("kind", "required", "请填写替代方式和替代件", "kind and successors are required");
        }
        return catalogue.supersede(partId, draft, RestActor.from(security));
    }

    @POST
    @Path("{id}/supersessions/{kind}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "结束替代关系 End a part's supersessions of a kind (REPLACED, KIT, ALTERNATIVE)", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = Ending.class))), responses = {
            @ApiResponse(responseCode = "204", description = "ended"),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.CATALOGUE_EDIT)
    public Response endSupersession(@PathParam("id") String id, @PathParam("kind") String kind, Ending ending,
            @Context SecurityContext security) {
        long partId = Params.id("id", id);
        catalogue.endSupersession(partId, Forms.supersessionKind(kind),
                ending == null ? null : Forms.text("reason", ending.reason(), 200), RestActor.from(security));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/stock")
    @Operation(summary = "配件库存 A part's stock per warehouse and bin: on hand, reserved, available, in transit (costs for roles that see them)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartStock.class))),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.STOCK_READ)
    public PartStock stock(@PathParam("id") String id, @Context SecurityContext security) {
        return stock.ofPart(Params.id("id", id), RestActor.from(security));
    }

    @GET
    @Path("{id}/batches")
    @Operation(summary = "批次 A part's batches with stock in a warehouse, first expiry first", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Batch.class)))),
            @ApiResponse(responseCode = "400", description = "no such warehouse"),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.STOCK_READ)
    public List<Batch> batches(@PathParam("id") String id,
            @Parameter(description = "仓库编号 warehouse id") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "仓库代码 warehouse code (instead of the id)") @QueryParam("warehouse") String warehouse) {
        long partId = Params.id("id", id);
        catalogue.get(partId);
        Warehouse w = Scans.warehouse(warehouses, "warehouse", optionalId("warehouseId", warehouseId), warehouse);
        return stock.batches(partId, w.id());
    }

    @PUT
    @Path("{id}/limits/{warehouseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "库存上下限 Set a part's minimum, maximum and reorder point in a warehouse (null clears)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StockLimits.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WarehouseStock.class))),
            @ApiResponse(responseCode = "400", description = "minimum, maximum or reorderPoint wrong"),
            @ApiResponse(responseCode = "404", description = "no such part or warehouse") })
    @RequiresPermission(Perms.STOCK_LIMITS)
    public WarehouseStock limits(@PathParam("id") String id, @PathParam("warehouseId") String warehouseId,
            StockLimits limits, @Context SecurityContext security) {
        long partId = Params.id("id", id);
        long w = Params.id("warehouseId", warehouseId);
        if (limits == null) { // clearing the limits is an explicit {}, not an empty request
            throw DmsException.invalid("", "required", "请提交库存上下限（清除时提交 {}）",
                    "send the limits ({} clears them)");
        }
        return stock.setLimits(partId, w, limits, RestActor.from(security));
    }

    @GET
    @Path("{id}/ledger")
    @Operation(summary = "库存流水 A part's ledger, newest first (costs for roles that see them)", responses = {
            @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of ledger rows"),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.LEDGER_READ)
    public Page<StockMovement> ledger(@PathParam("id") String id,
            @Parameter(description = "仓库编号 warehouse id") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "RECEIPT, ISSUE, RETURN, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, RETURN_TO_SUPPLIER, OLD_PART_KEPT") @QueryParam("type") String type,
            @Parameter(description = "from shop-local day, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "to shop-local day, yyyy-MM-dd (inclusive)") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        long partId = Params.id("id", id);
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        LedgerQuery query = new LedgerQuery(partId, optionalId("warehouseId", warehouseId), Forms.movementType(type),
                null, Forms.startOf(Params.day("from", from), clock.zone()), endOf(Params.day("to", to)));
        catalogue.get(partId);
        return ledger.search(query, request, RestActor.from(security));
    }

    java.time.Instant endOf(java.time.LocalDate day) {
        return day == null ? null : Forms.startOf(day.plusDays(1), clock.zone());
    }

    static Long optionalId(String field, String raw) {
        return raw == null || raw.isBlank() ? null : Params.id(field, raw);
    }

    private static Response tagged(Part part) {
        return Response.ok(part).tag(Long.toString(part.version())).build();
    }
}
