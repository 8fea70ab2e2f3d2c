package org.opendms.workorder.rest;

import java.net.URI;
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

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.LabourCatalogue;
import org.opendms.workorder.api.LabourOperation;
import org.opendms.workorder.api.LabourOperationDraft;
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
 * /api/labour-operations: the labour catalogue (工时目录); thin over {@link LabourCatalogue}. A change takes If-Match
 * with the operation's ETag.
 */
@Component(service = LabourOperationResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("labour-operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工时目录 Labour catalogue")
public class LabourOperationResource {

    @Reference
    LabourCatalogue catalogue;

    @GET
    @Operation(summary = "工时目录 The labour catalogue by code", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of the labour catalogue (items, page, size, total)"))
    @RequiresPermission("labour.catalogue.read")
    public Page<LabourOperation> search(
            @Parameter(description = "代码开头或名称的一部分 code prefix or part of the name") @QueryParam("q") String text,
            @Parameter(description = "true: leave out retired operations") @QueryParam("activeOnly") String activeOnly,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        return catalogue.search(text,
                Boolean.TRUE.equals(Params.bool("activeOnly", activeOnly)), request);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "工时项目 One operation of the labour catalogue (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabourOperation.class))),
            @ApiResponse(responseCode = "404", description = "no such operation") })
    @RequiresPermission("labour.catalogue.read")
    public Response get(@PathParam("code") String code) {
        LabourOperation op = catalogue.get(code);
        return Response.ok(op).tag(Long.toString(op.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增工时项目 Add an operation to the labour catalogue (manager)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LabourOperationDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LabourOperation.class))),
            @ApiResponse(responseCode = "409", description = "the code is already in the catalogue") })
    @RequiresPermission("labour.catalogue.edit")
    public Response add(LabourOperationDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        LabourOperation op = catalogue.save(draft, null, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(op.code()).build();
        return Response.created(location).tag(Long.toString(op.version())).entity(op).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改或停用工时项目 Change or retire (active false) an operation (manager, If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LabourOperationDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabourOperation.class))),
            @ApiResponse(responseCode = "409", description = "changed since read") })
    @RequiresPermission("labour.catalogue.edit")
    public Response change(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            LabourOperationDraft draft, @Context SecurityContext security) {
        LabourOperationDraft d = draft == null ? new LabourOperationDraft(null, null, null, null, null) : draft;
        if (d.code() != null && !d.code().strip().equalsIgnoreCase(code.strip())) {
            throw DmsException.invalid("code", "code.mismatch", "请求体中的工时代码与地址中的不一致",
                    "the code in the body is not the code in the address");
        }
        long version = Params.ifMatch(ifMatch);
        LabourOperation op = catalogue.save(new LabourOperationDraft(code, d.name(), d.flatRateHours(),
                d.skill(), d.active()), version, RestActor.from(security));
        return Response.ok(op).tag(Long.toString(op.version())).build();
    }
}
