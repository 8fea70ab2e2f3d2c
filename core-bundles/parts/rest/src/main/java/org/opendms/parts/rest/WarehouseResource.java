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

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.Transfer;
import org.opendms.parts.api.Transfers;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.Warehouses;
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

/** /api/parts/warehouses: warehouses (仓库), their bins (库位) and what lies in them. */
@Component(service = WarehouseResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "配件 Parts")
public class WarehouseResource {

    @Reference
    Warehouses warehouses;
    @Reference
    Stock stock;
    @Reference
    Transfers transfers;

    /** @param kind CENTRAL, SHOP or OLD_PARTS (absent: SHOP) */
    public record WarehouseForm(String code, String name, String kind) {
    }

    /** @param active false closes the warehouse (refused while it has stock) */
    public record WarehouseChange(String name, Boolean active) {
    }

    /** @param code optional: absent makes area-shelf-level */
    public record BinForm(String code, String area, String shelf, String level) {
    }

    public record BinActivation(Boolean active) {
    }

    @GET
    @Operation(summary = "仓库列表 Every warehouse, active first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Warehouse.class)))))
    @RequiresPermission(Perms.STOCK_READ)
    public List<Warehouse> list() {
        return warehouses.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建仓库 Create a warehouse with its default bin", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WarehouseForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Warehouse.class))),
            @ApiResponse(responseCode = "400", description = "code, name or kind wrong"),
            @ApiResponse(responseCode = "409", description = "the code is taken (warehouse.duplicate)") })
    @RequiresPermission(Perms.WAREHOUSE_EDIT)
    public Response create(WarehouseForm form, @Context SecurityContext security, @Context UriInfo uri) {
        if (form == null) {
            throw DmsException.invalid("code", "required", "请填写仓库代码和名称", "code and name are required");
        }
        WarehouseKind kind = Forms.warehouseKind(form.kind());
        Warehouse created = warehouses.create(form.code(), form.name(), kind == null ? WarehouseKind.SHOP : kind,
                RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).replaceQuery(null).build();
        return Response.created(location).tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "仓库详情 Read a warehouse (ETag is its version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Warehouse.class))),
            @ApiResponse(responseCode = "404", description = "no such warehouse") })
    @RequiresPermission(Perms.STOCK_READ)
    public Response get(@PathParam("id") String id) {
        Warehouse w = warehouses.get(Params.id("id", id));
        return Response.ok(w).tag(Long.toString(w.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改仓库 Rename, close or reopen a warehouse (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WarehouseChange.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Warehouse.class))),
            @ApiResponse(responseCode = "404", description = "no such warehouse"),
            @ApiResponse(responseCode = "409", description = "changed since read, or closing one with stock") })
    @RequiresPermission(Perms.WAREHOUSE_EDIT)
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            WarehouseChange change, @Context SecurityContext security) {
        long warehouseId = Params.id("id", id);
        long version = Params.ifMatch(ifMatch);
        if (change == null || change.active() == null) {
            throw DmsException.invalid("active", "required", "请给出 name 和 active", "name and active are required");
        }
        Warehouse w = warehouses.update(warehouseId, version, change.name(), change.active(),
                RestActor.from(security));
        return Response.ok(w).tag(Long.toString(w.version())).build();
    }

    @GET
    @Path("{id}/bins")
    @Operation(summary = "库位 A warehouse's bins, by code", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Bin.class)))),
            @ApiResponse(responseCode = "404", description = "no such warehouse") })
    @RequiresPermission(Perms.STOCK_READ)
    public List<Bin> bins(@PathParam("id") String id) {
        long warehouseId = Params.id("id", id);
        warehouses.get(warehouseId);
        return warehouses.bins(warehouseId);
    }

    @POST
    @Path("{id}/bins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建库位 Add a bin (area, shelf, level)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BinForm.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Bin.class))),
            @ApiResponse(responseCode = "400", description = "area missing, a field too long"),
            @ApiResponse(responseCode = "404", description = "no such warehouse"),
            @ApiResponse(responseCode = "409", description = "the code is taken in the warehouse (bin.duplicate)") })
    @RequiresPermission(Perms.WAREHOUSE_EDIT)
    public Response addBin(@PathParam("id") String id, BinForm form, @Context SecurityContext security,
            @Context UriInfo uri) {
        long warehouseId = Params.id("id", id);
        if (form == null) {
            throw DmsException.invalid("area", "required", "请填写库区", "area is required");
        }
        Bin bin = warehouses.addBin(warehouseId, form.code(), form.area(), form.shelf(), form.level(),
                RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(bin.id())).replaceQuery(null).build();
        return Response.created(location).entity(bin).build();
    }

    @POST
    @Path("{id}/bins/{binId}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "停用或启用库位 Close or reopen a bin (refused while it holds stock)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BinActivation.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Bin.class))),
            @ApiResponse(responseCode = "404", description = "no such bin in the warehouse"),
            @ApiResponse(responseCode = "409", description = "the bin holds stock (bin.has_stock)") })
    @RequiresPermission(Perms.WAREHOUSE_EDIT)
    public Bin setBinActive(@PathParam("id") String id, @PathParam("binId") String binId, BinActivation activation,
            @Context SecurityContext security) {
        long warehouseId = Params.id("id", id);
        long bin = Params.id("binId", binId);
        if (activation == null || activation.active() == null) {
            throw DmsException.invalid("active", "required", "请给出 active（true 或 false）",
                    "active is required (true or false)");
        }
        if (warehouses.bin(bin).warehouseId() != warehouseId) {
            throw DmsException.notFound("binId", "该仓库没有此库位", "the warehouse has no such bin");
        }
        return warehouses.setBinActive(bin, activation.active(), RestActor.from(security));
    }

    @GET
    @Path("{id}/stock")
    @Operation(summary = "仓库库存 A warehouse's stock, by part number; optionally of one bin", responses = {
            @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of parts with their stock"),
            @ApiResponse(responseCode = "404", description = "no such warehouse") })
    @RequiresPermission(Perms.STOCK_READ)
    public Page<PartStock> stock(@PathParam("id") String id,
            @Parameter(description = "库位编号 bin id") @QueryParam("binId") String binId,
            @Parameter(description = "库位编码或库位标签 bin code as typed or scanned (instead of binId)") @QueryParam("bin") String bin,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        long warehouseId = Params.id("id", id);
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Long bid = PartResource.optionalId("binId", binId);
        Warehouse w = warehouses.get(warehouseId);
        if (bid == null && bin != null && !bin.isBlank()) {
            bid = Scans.bin(warehouses, w, "bin", bin).id();
        }
        return stock.inWarehouse(warehouseId, bid, request, RestActor.from(security));
    }

    @GET
    @Path("{id}/transfers")
    @Operation(summary = "在途调拨 Transfers in transit to the warehouse (outgoing=true: from it), oldest first", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TransferView.class)))),
            @ApiResponse(responseCode = "404", description = "no such warehouse") })
    @RequiresPermission(Perms.STOCK_READ)
    public Response inTransit(@PathParam("id") String id,
            @Parameter(description = "true: transfers sent from this warehouse") @QueryParam("outgoing") String outgoing,
            @Context SecurityContext security) {
        long warehouseId = Params.id("id", id);
        warehouses.get(warehouseId);
        Boolean out = Params.bool("outgoing", outgoing);
        return Response.ok(transfers.inTransit(warehouseId, out != null && out, RestActor.from(security))).build();
    }
}
