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
import javax.ws.rs.QueryParam;
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
import org.opendms.plugin.membership.api.CardProduct;
import org.opendms.plugin.membership.api.CardProductDraft;
import org.opendms.plugin.membership.api.CardSale;
import org.opendms.plugin.membership.api.CardUse;
import org.opendms.plugin.membership.api.CountCard;
import org.opendms.plugin.membership.api.CountCards;
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

/** /api/membership/count-cards: the products (次卡/套餐), the cards sold to members and their uses. */
@Component(service = PluginResource.class)
@Path("count-cards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "次卡 Count cards")
public class CountCardResource implements PluginResource {

    @Reference
    CountCards cards;

    /** A sale: the member and the card (see {@link CardSale}). */
    public record SaleRequest(Long memberId, Long productId, Long vehicleId, String paidWith, String reference) {
    }

    @GET
    @Path("products")
    @Operation(summary = "次卡产品 The count card products, by code", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CardProduct.class)))))
    @RequiresPermission("membership.member.read")
    public List<CardProduct> products(
            @Parameter(description = "true: only those on sale") @QueryParam("active") String active,
            @Context SecurityContext security) {
        return cards.products(Boolean.TRUE.equals(Params.bool("active", active)), RestActor.from(security));
    }

    @POST
    @Path("products")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新建次卡产品 Define a count card product", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CardProductDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CardProduct.class))),
            @ApiResponse(responseCode = "409", description = "the code exists") })
    @RequiresPermission("membership.rules.edit")
    public Response define(CardProductDraft draft, @Context SecurityContext security) {
        CardProduct p = cards.define(draft, RestActor.from(security));
        return Response.status(Response.Status.CREATED).tag(Long.toString(p.version())).entity(p).build();
    }

    @PUT
    @Path("products/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改次卡产品 Change a product (If-Match); cards sold keep their terms", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CardProductDraft.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardProduct.class))))
    @RequiresPermission("membership.rules.edit")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CardProductDraft draft, @Context SecurityContext security) {
        CardProduct p = cards.update(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security));
        return Response.ok(p).tag(Long.toString(p.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "销售次卡 Sell a card to a member (for the member's car when the product binds to one)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SaleRequest.class))), responses = @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CountCard.class))))
    @RequiresPermission("membership.card.sell")
    public Response sell(SaleRequest body, @Context SecurityContext security) {
        if (body == null || body.memberId() == null) {
            throw DmsException.invalid("memberId", "required", "请选择会员", "memberId is required");
        }
        CountCard c = cards.sell(body.memberId(), new CardSale(body.productId(), body.vehicleId(), body.paidWith(),
                body.reference()), RestActor.from(security));
        return Response.status(Response.Status.CREATED).entity(c).build();
    }

    @GET
    @Operation(summary = "会员的次卡 A member's cards, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CountCard.class)))))
    @RequiresPermission("membership.member.read")
    public List<CountCard> ofMember(
            @Parameter(description = "会员编号 member id", required = true) @QueryParam("memberId") String memberId,
            @Context SecurityContext security) {
        if (memberId == null || memberId.isBlank()) {
            throw DmsException.invalid("memberId", "required", "请选择会员", "memberId is required");
        }
        return cards.ofMember(Params.id("memberId", memberId), RestActor.from(security));
    }

    @GET
    @Path("{id}/uses")
    @Operation(summary = "次卡使用记录 The uses of a card (and uses put back)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CardUse.class)))))
    @RequiresPermission("membership.member.read")
    public List<CardUse> uses(@PathParam("id") String id, @Context SecurityContext security) {
        return cards.uses(Params.id("id", id), RestActor.from(security));
    }
}
