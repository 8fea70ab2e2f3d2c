package org.opendms.settlement.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
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
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.settlement.api.CashUp;
import org.opendms.settlement.api.CashUps;
import org.opendms.staff.api.StaffDirectory;
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

/** /api/cash-ups: each cashier's day (交班/日结), thin over {@link CashUps}. */
@Component(service = CashUpResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("cash-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "日结 Cash-up")
public class CashUpResource {

    @Reference
    CashUps cashUps;

    @Reference
    ShopClock clock;

    /** A day is asked of a staff account: any other name is a 404, not an empty day. */
    @Reference
    StaffDirectory staff;

    /** @param countedCash the cash in the drawer; note optional */
    public record CashCount(BigDecimal countedCash, String note) {
    }

    /** @param note why the cash is off (required when it is) */
    public record CashUpClosing(String note) {
    }

    @GET
    @Operation(summary = "当日各收银员日结 Every cashier's cash-up of a day (default today)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = CashUp.class)))))
    @RequiresPermission("settlement.read")
    public List<CashUp> ofDay(@Parameter(description = "日期 yyyy-MM-dd") @QueryParam("day") String day) {
        LocalDate d = Params.day("day", day);
        return cashUps.ofDay(d == null ? clock.today() : d);
    }

    @GET
    @Path("mine")
    @Operation(summary = "我的今日日结 The caller's own day as it stands", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CashUp.class))))
    @RequiresPermission("settlement.cashup.count")
    public Response mine(@Context SecurityContext security) {
        return withTag(cashUps.of(RestActor.from(security).username(), clock.today()));
    }

    @GET
    @Path("{cashier}/{day}")
    @Operation(summary = "收银员某日的日结 A cashier's day", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CashUp.class))),
            @ApiResponse(responseCode = "400", description = "day is not a date yyyy-MM-dd"),
            @ApiResponse(responseCode = "404", description = "no staff account has this login") })
    @RequiresPermission("settlement.read")
    public Response of(@Parameter(description = "收银员登录名 the cashier's login") @PathParam("cashier") String cashier,
            @Parameter(description = "日期 yyyy-MM-dd") @PathParam("day") String day) {
        LocalDate d = Params.day("day", day);
        if (d == null) {
            throw DmsException.invalid("day", "required", "请指定日期", "the day is required");
        }
        if (cashier == null || staff.member(cashier.strip()).isEmpty()) {
            throw DmsException.notFound("cashier", "没有这个收银员（员工账号）", "there is no such cashier (staff account)");
        }
        return withTag(cashUps.of(cashier, d));
    }

    @POST
    @Path("count")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "交班清点 The cashier enters the cash counted at the end of today (again until closed)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CashCount.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CashUp.class))),
            @ApiResponse(responseCode = "400", description = "countedCash or note wrong"),
            @ApiResponse(responseCode = "409", description = "the day is closed (cashup.closed)") })
    @RequiresPermission("settlement.cashup.count")
    public Response count(CashCount count, @Context SecurityContext security) {
        return withTag(cashUps.count(count == null ? null : count.countedCash(), count == null ? null : count.note(),
                RestActor.from(security)));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "日结 The manager closes a counted day (If-Match: the ETag read); a variance needs a note", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = CashUpClosing.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CashUp.class))),
            @ApiResponse(responseCode = "400", description = "a variance without a note"),
            @ApiResponse(responseCode = "404", description = "no such cash-up"),
            @ApiResponse(responseCode = "409", description = "not counted, already closed, or changed since read") })
    @RequiresPermission("settlement.cashup.close")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CashUpClosing close,
            @Context SecurityContext security) {
        return withTag(cashUps.close(Params.id("id", id), Params.ifMatch(ifMatch), close == null ? null : close.note(),
                RestActor.from(security)));
    }

    private static Response withTag(CashUp c) {
        return Response.ok(c).tag(Long.toString(c.version())).build();
    }
}
