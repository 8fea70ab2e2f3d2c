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

import org.opendms.parts.api.purchasing.Supplier;
import org.opendms.parts.api.purchasing.SupplierDraft;
import org.opendms.parts.api.purchasing.SupplierPrice;
import org.opendms.parts.api.purchasing.SupplierPriceDraft;
import org.opendms.parts.api.purchasing.Suppliers;
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

/** /api/parts/suppliers: suppliers (供应商) and their prices per part; thin over {@link Suppliers}. */
@Component(service = SupplierResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "采购 Purchasing")
public class SupplierResource {

    @Reference
    Suppliers suppliers;

    /** A price list or some prices to record. */
    public record PriceList(List<SupplierPriceDraft> prices) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建供应商 Add a supplier", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupplierDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Supplier.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong"),
            @ApiResponse(responseCode = "409", description = "the code is in use (supplier.duplicate_code)") })
    @RequiresPermission("parts.supplier.edit")
    public Response create(SupplierDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Supplier s = suppliers.create(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build();
        return Response.created(location).tag(Long.toString(s.version())).entity(s).build();
    }

    @GET
    @Operation(summary = "查找供应商 Search suppliers by code or name", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of suppliers"))
    @RequiresPermission("parts.supplier.read")
    public Page<Supplier> search(@Parameter(description = "code or name, any part") @QueryParam("q") String q,
            @Parameter(description = "true: inactive ones too") @QueryParam("inactive") String inactive,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        return suppliers.search(q, Boolean.TRUE.equals(Params.bool("inactive", inactive)),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "供应商详情 Read a supplier (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Supplier.class))),
            @ApiResponse(responseCode = "404", description = "no such supplier") })
    @RequiresPermission("parts.supplier.read")
    public Response get(@PathParam("id") String id) {
        Supplier s = suppliers.get(Params.id("id", id));
        return Response.ok(s).tag(Long.toString(s.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改供应商 Change a supplier (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupplierDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Supplier.class))),
            @ApiResponse(responseCode = "409", description = "changed since read, or the code is in use") })
    @RequiresPermission("parts.supplier.edit")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            SupplierDraft draft, @Context SecurityContext security) {
        Supplier s = suppliers.update(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security));
        return Response.ok(s).tag(Long.toString(s.version())).build();
    }

    @GET
    @Path("{id}/prices")
    @Operation(summary = "供应商报价 The supplier's prices valid today, by part number", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SupplierPrice.class)))))
    @RequiresPermission("parts.supplier.read")
    public List<SupplierPrice> prices(@PathParam("id") String id) {
        return suppliers.prices(Params.id("id", id));
    }

    @POST
    @Path("{id}/prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "录入报价 Record prices (a price list): every price checked before any is stored", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PriceList.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SupplierPrice.class)))),
            @ApiResponse(responseCode = "400", description = "a price is wrong (prices[i].field)") })
    @RequiresPermission("parts.supplier.edit")
    public List<SupplierPrice> setPrices(@PathParam("id") String id, PriceList list,
            @Context SecurityContext security) {
        return suppliers.setPrices(Params.id("id", id), list == null ? null : list.prices(),
                RestActor.from(security));
    }
}
