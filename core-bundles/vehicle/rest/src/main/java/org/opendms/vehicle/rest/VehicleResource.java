package org.opendms.vehicle.rest;

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

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.vehicle.api.OdometerReading;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleQuery;
import org.opendms.vehicle.api.VehicleService;
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

/** /api/vehicles: thin over {@link VehicleService}, which holds every rule. */
@Component(service = VehicleResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("vehicles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "车辆 Vehicles")
public class VehicleResource {

    @Reference
    VehicleService vehicles;

    /**
     * An odometer reading as typed.
     *
     * @param km           the reading, 0–2,000,000
     * @param source       where it was read, e.g. "manual" or "reception"; absent means "manual"
     * @param confirmLower true to store a reading lower than the last one
     */
    public record OdometerInput(Integer km, String source, Boolean confirmLower) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记车辆 Register a vehicle", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VehicleDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Vehicle.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong, or the owner or user does not exist"),
            @ApiResponse(responseCode = "409", description = "the VIN, or the plate of an active vehicle, is already registered") })
    @RequiresPermission("vehicle.create")
    public Response create(VehicleDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Vehicle created = vehicles.create(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build();
        return Response.created(location).tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "查找车辆 Search vehicles by plate or VIN (or its last six), owner or user", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of vehicles (items, page, size, total)"))
    @RequiresPermission("vehicle.read")
    public Page<Vehicle> search(
            @Parameter(description = "车牌（可为部分）、车架号或其后六位 plate (or part of it), VIN or its last six") @QueryParam("q") String q,
            @Parameter(description = "客户编号：其拥有或使用的车辆 customer id: vehicles they own or use") @QueryParam("customerId") String customerId,
            @Parameter(description = "true：只看在用车辆；缺省或 false：全部 true: active vehicles only; absent or false: all") @QueryParam("active") String active,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Long customer = customerId == null || customerId.isBlank() ? null : Params.id("customerId", customerId);
        VehicleQuery query = new VehicleQuery(q, customer, Params.bool("active", active));
        return vehicles.search(query, request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "车辆详情 Read a vehicle (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Vehicle.class))),
            @ApiResponse(responseCode = "404", description = "no such vehicle") })
    @RequiresPermission("vehicle.read")
    public Response get(@PathParam("id") String id) {
        Vehicle v = vehicles.get(Params.id("id", id));
        return Response.ok(v).tag(Long.toString(v.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改车辆 Replace a vehicle's details (If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VehicleDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Vehicle.class))),
            @ApiResponse(responseCode = "409", description = "changed by someone else since it was read, or duplicate VIN or plate") })
    @RequiresPermission("vehicle.update")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            VehicleDraft draft, @Context SecurityContext security) {
        Vehicle v = vehicles.update(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security));
        return Response.ok(v).tag(Long.toString(v.version())).build();
    }

    @GET
    @Path("by-plate/{plate}")
    @Operation(summary = "按车牌查找在用车辆 Find the active vehicle with a plate, typed in any spelling (京a·12345, 京A 12345)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Vehicle.class))),
            @ApiResponse(responseCode = "404", description = "no active vehicle has this plate") })
    @RequiresPermission("vehicle.read")
    public Response byPlate(@PathParam("plate") String plate) {
        Vehicle v = vehicles.findByPlate(plate).orElseThrow(() -> DmsException.notFound("plate",
                "没有在用车辆使用该车牌", "no active vehicle has this plate"));
        return Response.ok(v).tag(Long.toString(v.version())).build();
    }

    @POST
    @Path("{id}/odometer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记里程 Record an odometer reading (a lower one than the last needs confirmLower)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OdometerInput.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OdometerReading.class))),
            @ApiResponse(responseCode = "400", description = "km missing or out of range"),
            @ApiResponse(responseCode = "409", description = "lower than the last reading and not confirmed (odometer.lower)") })
    @RequiresPermission("vehicle.odometer.record")
    public Response recordOdometer(@PathParam("id") String id, OdometerInput input, @Context SecurityContext security,
            @Context UriInfo uri) {
        long vehicleId = Params.id("id", id);
        if (input == null || input.km() == null) {
            throw DmsException.invalid("km", "required", "请填写里程（公里）", "km is required");
        }
        OdometerReading r = vehicles.recordOdometer(vehicleId, input.km(), input.source(),
                Boolean.TRUE.equals(input.confirmLower()), RestActor.from(security));
        // the reading has no address of its own: it is the newest entry of the history
        return Response.created(uri.getAbsolutePath()).entity(r).build();
    }

    @GET
    @Path("{id}/odometer")
    @Operation(summary = "里程记录 Odometer readings, newest first", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = OdometerReading.class)))),
            @ApiResponse(responseCode = "404", description = "no such vehicle") })
    @RequiresPermission("vehicle.read")
    public List<OdometerReading> odometerHistory(@PathParam("id") String id) {
        return vehicles.odometerHistory(Params.id("id", id));
    }
}
