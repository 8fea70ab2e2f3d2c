package org.opendms.plugin.insurance.rest;

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

import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.Policy;
import org.opendms.plugin.insurance.api.PolicyDraft;
import org.opendms.plugin.insurance.api.PolicyQuery;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/insurance/policies: thin over {@link InsuranceService}, which holds every rule. */
@Component(service = PluginResource.class)
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "车险保单 Insurance policies")
public class PolicyResource implements PluginResource {

    @Reference
    InsuranceService insurance;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记保单 Record a policy", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PolicyDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Policy.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong, or the vehicle does not exist"),
            @ApiResponse(responseCode = "409", description = "the insurer's policy number is already recorded, or the vehicle "
                    + "has a policy of this kind on one of the days") })
    @RequiresPermission("insurance.policy.create")
    public Response create(PolicyDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Policy created = insurance.create(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build();
        return Response.created(location).tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "查找保单 Search policies by vehicle, plate, insurer or kind, latest end first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of policies (items, page, size, total)"))
    @RequiresPermission("insurance.policy.read")
    public Page<Policy> search(
            @Parameter(description = "车辆编号 vehicle id") @QueryParam("vehicleId") String vehicleId,
            @Parameter(description = "车牌（可为部分，任意写法） plate or part of it, any spelling") @QueryParam("plate") String plate,
            @Parameter(description = "保险公司（可为部分） insurer or part of it") @QueryParam("insurer") String insurer,
            @Parameter(description = "COMPULSORY 交强险 or COMMERCIAL 商业险") @QueryParam("kind") String kind,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Long vehicle = vehicleId == null || vehicleId.isBlank() ? null : Params.id("vehicleId", vehicleId);
        PolicyQuery query = new PolicyQuery(vehicle, plate, insurer, InsuranceRest.kind("kind", kind));
        return insurance.find(query, request, RestActor.from(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "保单详情 Read a policy (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Policy.class))),
            @ApiResponse(responseCode = "404", description = "no such policy") })
    @RequiresPermission("insurance.policy.read")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Policy p = insurance.get(Params.id("id", id), RestActor.from(security));
        return Response.ok(p).tag(Long.toString(p.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改保单 Correct a policy (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PolicyDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Policy.class))),
            @ApiResponse(responseCode = "409", description = "changed by someone else since it was read, a duplicate "
                    + "policy number or an overlapping term") })
    @RequiresPermission("insurance.policy.update")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PolicyDraft draft, @Context SecurityContext security) {
        Policy p = insurance.update(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security));
        return Response.ok(p).tag(Long.toString(p.version())).build();
    }
}
