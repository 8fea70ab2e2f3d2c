package org.opendms.plugin.insurance.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.RenewalDue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/insurance/renewals: the desk's call list of insurance running out. */
@Component(service = PluginResource.class)
@Path("renewals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "续保 Insurance renewals")
public class RenewalResource implements PluginResource {

    @Reference
    InsuranceService insurance;

    /**
     * The renewal list.
     *
     * @param days  how far ahead it looks, in days
     * @param items by end date: unrenewed policies and leads from the vehicle file
     */
    public record RenewalList(int days, List<RenewalDue> items) {
    }

    @GET
    @Operation(summary = "续保名单 Insurance ending within the next days or in the last 30 days and not renewed, by end date", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RenewalList.class))),
            @ApiResponse(responseCode = "400", description = "days is not a whole number from 1 to 365") })
    @RequiresPermission("insurance.renewal.read")
    public RenewalList renewals(
            @Parameter(description = "提前天数 1–365，缺省为配置值 days ahead, 1–365; absent: the configured window") @QueryParam("days") String days,
            @Context SecurityContext security) {
        Integer asked = Params.integer("days", days);
        List<RenewalDue> items = insurance.renewals(asked, RestActor.from(security));
        return new RenewalList(asked == null ? insurance.renewalWindowDays() : asked, items);
    }
}
