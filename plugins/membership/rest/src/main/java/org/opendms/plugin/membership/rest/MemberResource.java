package org.opendms.plugin.membership.rest;

import java.math.BigDecimal;
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
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.membership.api.Authorisation;
import org.opendms.plugin.membership.api.Balance;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.TierChange;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/membership/members: joining, finding a member, the PIN, the balance and the payment authorisation. */
@Component(service = PluginResource.class)
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "会员 Members")
public class MemberResource implements PluginResource {

    @Reference
    Membership membership;

    /** @param pin 6 digits, entered by the member */
    public record PinChange(String pin) {
    }

    /** @param pin the member's PIN; @param amount the most this code may pay */
    public record AuthorisationRequest(String pin, BigDecimal amount) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "办理入会 A customer joins (consent required)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = JoinRequest.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Member.class))),
            @ApiResponse(responseCode = "400", description = "no consent, an unknown customer, a PIN not of 6 digits"),
            @ApiResponse(responseCode = "409", description = "the customer is a member already") })
    @RequiresPermission("membership.member.join")
    public Response join(JoinRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        Member m = membership.join(request, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(m.id())).build();
        return Response.created(location).tag(Long.toString(m.version())).entity(m).build();
    }

    @GET
    @Operation(summary = "会员 Members, newest first; or the member of a customer, or by the card's number", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of members"))
    @RequiresPermission("membership.member.read")
    public Page<Member> find(@Parameter(description = "客户编号 customer id") @QueryParam("customerId") String customerId,
            @Parameter(description = "会员卡号 member number, any case") @QueryParam("number") String number,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        var actor = RestActor.from(security);
        if (customerId != null && !customerId.isBlank()) {
            return one(membership.ofCustomer(Params.id("customerId", customerId), actor), request);
        }
        if (number != null && !number.isBlank()) {
            return one(membership.byNumber(number, actor), request);
        }
        return membership.list(request, actor);
    }

    private static Page<Member> one(java.util.Optional<Member> m, PageRequest request) {
        return new Page<>(m.map(java.util.List::of).orElse(java.util.List.of()), 0, request.size(), m.isPresent() ? 1
                : 0);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "会员详情 A member (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Member.class))),
            @ApiResponse(responseCode = "404", description = "no such member") })
    @RequiresPermission("membership.member.read")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Member m = membership.get(Params.id("id", id), RestActor.from(security));
        return Response.ok(m).tag(Long.toString(m.version())).build();
    }

    @PUT
    @Path("{id}/pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置支付密码 Set or change the member's PIN (If-Match); unlocks a locked card", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PinChange.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Member.class))))
    @RequiresPermission("membership.member.join")
    public Response pin(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PinChange body,
            @Context SecurityContext security) {
        Member m = membership.setPin(Params.id("id", id), Params.ifMatch(ifMatch), body == null ? null : body.pin(),
                RestActor.from(security));
        return Response.ok(m).tag(Long.toString(m.version())).build();
    }

    @GET
    @Path("{id}/tier-changes")
    @Operation(summary = "等级变更 The member's tier changes, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @Schema(implementation = TierChange.class)))))
    @RequiresPermission("membership.member.read")
    public java.util.List<TierChange> tierChanges(@PathParam("id") String id, @Context SecurityContext security) {
        return membership.tierChanges(Params.id("id", id), RestActor.from(security));
    }

    @GET
    @Path("{id}/balance")
    @Operation(summary = "储值余额 The stored value: principal, bonus, total", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Balance.class))))
    @RequiresPermission("membership.member.read")
    public Balance balance(@PathParam("id") String id, @Context SecurityContext security) {
        return membership.balance(Params.id("id", id), RestActor.from(security));
    }

    @POST
    @Path("{id}/authorisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "储值付款授权 The member confirms a payment with the PIN: a one-time code (10 minutes) to enter as"
            + " the STORED_VALUE tender's reference", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AuthorisationRequest.class))), responses = {
                    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Authorisation.class))),
                    @ApiResponse(responseCode = "400", description = "a wrong PIN"),
                    @ApiResponse(responseCode = "409", description = "no PIN set, or locked after five wrong PINs") })
    @RequiresPermission("membership.pay")
    public Response authorise(@PathParam("id") String id, AuthorisationRequest body,
            @Context SecurityContext security) {
        if (body == null) {
            throw DmsException.invalid("pin", "required", "请会员输入密码", "the member's PIN is required");
        }
        Authorisation a = membership.authorise(Params.id("id", id), body.pin(), body.amount(),
                RestActor.from(security));
        return Response.status(Response.Status.CREATED).entity(a).build();
    }
}
