package org.opendms.plugin.membership.rest;

import java.util.List;
import java.util.Map;

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

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.membership.api.Campaign;
import org.opendms.plugin.membership.api.CampaignDraft;
import org.opendms.plugin.membership.api.CampaignResult;
import org.opendms.plugin.membership.api.Coupon;
import org.opendms.plugin.membership.api.Coupons;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/membership/campaigns: campaigns, issuing their coupons, their results; a member's coupons. */
@Component(service = PluginResource.class)
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "营销活动 Campaigns")
public class CampaignResource implements PluginResource {

    @Reference
    Coupons coupons;

    @GET
    @Operation(summary = "营销活动 The campaigns, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Campaign.class)))))
    @RequiresPermission("membership.member.read")
    public List<Campaign> campaigns(@Context SecurityContext security) {
        return coupons.campaigns(RestActor.from(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建活动 Set up a campaign and its coupon", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CampaignDraft.class))), responses = @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Campaign.class))))
    @RequiresPermission("membership.rules.edit")
    public Response create(CampaignDraft draft, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(coupons.create(draft, RestActor.from(security)))
                .build();
    }

    /** @param campaignId the campaign whose coupon to issue */
    public record IssueRequest(Long campaignId) {
    }

    @POST
    @Path("issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "发券 Issue a campaign's coupon to every member it reaches who has none yet", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = IssueRequest.class))), responses = @ApiResponse(responseCode = "200", description = "{\"issued\": n}"))
    @RequiresPermission("membership.rules.edit")
    public Response issue(IssueRequest body, @Context SecurityContext security) {
        // a Response, not Map<String, Integer>: CXF would write a refusal's problem body as that declared type
        if (body == null || body.campaignId() == null) {
            throw DmsException.invalid("campaignId", "required", "请选择活动", "campaignId is required");
        }
        if (body.campaignId() < 1) {
            throw DmsException.invalid("campaignId", "out_of_range", "活动编号无效", "campaignId is not a campaign");
        }
        return Response.ok(Map.of("issued", coupons.issue(body.campaignId(), RestActor.from(security)))).build();
    }

    @GET
    @Path("results")
    @Operation(summary = "活动效果 Issued, used, discount given and revenue of the bills that used each campaign", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CampaignResult.class)))))
    @RequiresPermission("membership.report.read")
    public List<CampaignResult> results(@Context SecurityContext security) {
        return coupons.results(RestActor.from(security));
    }

    @GET
    @Path("coupons")
    @Operation(summary = "会员的优惠券 A member's coupons, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Coupon.class)))))
    @RequiresPermission("membership.member.read")
    public List<Coupon> ofMember(
            @Parameter(description = "会员编号 member id", required = true) @QueryParam("memberId") String memberId,
            @Context SecurityContext security) {
        if (memberId == null || memberId.isBlank()) {
            throw DmsException.invalid("memberId", "required", "请选择会员", "memberId is required");
        }
        return coupons.ofMember(Params.id("memberId", memberId), RestActor.from(security));
    }
}
