package org.opendms.plugin.membership.rest;

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

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.membership.api.Points;
import org.opendms.plugin.membership.api.PointsEntry;
import org.opendms.plugin.membership.api.PointsRules;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/membership/points: a member's points and ledger, the rules of a tier, adjustments by the manager. */
@Component(service = PluginResource.class)
@Path("points")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "积分 Points")
public class PointsResource implements PluginResource {

    @Reference
    Points points;

    /** The member's points now. */
    public record PointsBalance(long memberId, long points) {
    }

    /** @param direction ADD or DEDUCT; points 1 – 10,000,000; a reason is required */
    public record PointsAdjustment(String direction, Long points, String reason) {
    }

    @GET
    @Path("{memberId}")
    @Operation(summary = "积分余额 The member's points", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PointsBalance.class))))
    @RequiresPermission("membership.member.read")
    public PointsBalance balance(@PathParam("memberId") String memberId, @Context SecurityContext security) {
        long id = Params.id("memberId", memberId);
        return new PointsBalance(id, points.balance(id, RestActor.from(security)));
    }

    @GET
    @Path("{memberId}/ledger")
    @Operation(summary = "积分流水 The member's points ledger, newest first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of entries"))
    @RequiresPermission("membership.member.read")
    public Page<PointsEntry> ledger(@PathParam("memberId") String memberId,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        return points.ledger(Params.id("memberId", memberId),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)), RestActor.from(security));
    }

    @POST
    @Path("{memberId}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "积分调整 Add or deduct points by hand, with a reason", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PointsAdjustment.class))), responses = @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PointsEntry.class))))
    @RequiresPermission("membership.adjust")
    public Response adjust(@PathParam("memberId") String memberId, PointsAdjustment body,
            @Context SecurityContext security) {
        if (body == null || body.points() == null) {
            throw DmsException.invalid("points", "required", "请填写调整积分", "points is required");
        }
        PointsEntry e = points.adjust(Params.id("memberId", memberId), body.direction(), body.points(), body.reason(),
                RestActor.from(security));
        return Response.status(Response.Status.CREATED).entity(e).build();
    }

    @GET
    @Path("rules/{tier}")
    @Operation(summary = "积分规则 The points rules of a tier (ETag is the version)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PointsRules.class))))
    @RequiresPermission("membership.member.read")
    public Response rules(@PathParam("tier") String tier, @Context SecurityContext security) {
        PointsRules r = points.rules(tier, RestActor.from(security));
        return Response.ok(r).tag(Long.toString(r.version())).build();
    }

    @PUT
    @Path("rules/{tier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改积分规则 Set a tier's points rules (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PointsRules.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PointsRules.class))))
    @RequiresPermission("membership.rules.edit")
    public Response setRules(@PathParam("tier") String tier, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PointsRules body, @Context SecurityContext security) {
        if (body == null) {
            throw DmsException.invalid("labourRate", "required", "请填写积分规则", "the rules are required");
        }
        PointsRules r = points.setRules(new PointsRules(tier, body.labourRate(), body.partsRate(), body.otherRate(),
                body.pointsPerYuan(), body.maxShare(), body.expiryMonths(), 0), Params.ifMatch(ifMatch),
                RestActor.from(security));
        return Response.ok(r).tag(Long.toString(r.version())).build();
    }
}
