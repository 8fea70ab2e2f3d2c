package org.opendms.plugin.membership.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.membership.api.MemberTiers;
import org.opendms.plugin.membership.api.TierBenefit;
import org.opendms.plugin.membership.api.TierPurchase;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/membership/tiers: what each tier gives off the member's bills, and tiers bought at the desk. */
@Component(service = PluginResource.class)
@Path("tiers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "会员等级 Tiers")
public class TierResource implements PluginResource {

    @Reference
    MemberTiers tiers;

    /** @param labourOff percent off labour lines, 0–50; partsOff the same for parts */
    public record TierBenefitChange(java.math.BigDecimal labourOff, java.math.BigDecimal partsOff) {
    }

    /** @param tier e.g. GOLD, as the shop's tierPurchases sells it; paidWith CASH, WECHAT, ALIPAY or BANK_CARD */
    public record TierSale(String tier, String paidWith, String reference) {
    }

    @GET
    @Operation(summary = "等级权益 Every tier, lowest first, with its percent off labour and parts and its price when sold", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true))
    @RequiresPermission("membership.member.read")
    public List<TierBenefit> benefits(@Context SecurityContext security) {
        return tiers.benefits(RestActor.from(security));
    }

    @PUT
    @Path("{tier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置等级权益 Set a tier's percent off labour and parts, 0–50 (If-Match: its version)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TierBenefitChange.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TierBenefit.class))))
    @RequiresPermission("membership.rules.edit")
    public Response setBenefit(@PathParam("tier") String tier, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            TierBenefitChange body, @Context SecurityContext security) {
        if (body == null) {
            throw DmsException.invalid("labourOff", "required", "请填写等级权益", "the benefit is required");
        }
        TierBenefit b = tiers.setBenefit(new TierBenefit(tier, body.labourOff(), body.partsOff(), null, null, 0),
                Params.ifMatch(ifMatch), RestActor.from(security));
        return Response.ok(b).tag(Long.toString(b.version())).build();
    }

    @GET
    @Path("purchases/{memberId}")
    @Operation(summary = "购买的会员等级 The member's tiers bought, newest first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true))
    @RequiresPermission("membership.member.read")
    public List<TierPurchase> purchases(@PathParam("memberId") String memberId, @Context SecurityContext security) {
        return tiers.purchases(Params.id("memberId", memberId), RestActor.from(security));
    }

    @POST
    @Path("purchases/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "购买会员等级 Sell the member a tier at the shop's price; counted in the cashier's day", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TierSale.class))), responses = @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TierPurchase.class))))
    @RequiresPermission("membership.card.sell")
    public Response buy(@PathParam("memberId") String memberId, TierSale body, @Context SecurityContext security) {
        if (body == null) {
            throw DmsException.invalid("tier", "required", "请选择会员等级", "the tier is required");
        }
        TierPurchase p = tiers.buy(Params.id("memberId", memberId), body.tier(), body.paidWith(), body.reference(),
                RestActor.from(security));
        return Response.status(Response.Status.CREATED).entity(p).build();
    }
}
