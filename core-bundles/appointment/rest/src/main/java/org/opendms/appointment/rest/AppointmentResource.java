package org.opendms.appointment.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

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
import javax.ws.rs.core.UriInfo;

import org.opendms.appointment.api.Appointment;
import org.opendms.appointment.api.AppointmentDraft;
import org.opendms.appointment.api.AppointmentQuery;
import org.opendms.appointment.api.AppointmentService;
import org.opendms.appointment.api.AppointmentStatus;
import org.opendms.appointment.api.SlotLoad;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
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

/** /api/appointments: thin over {@link AppointmentService}, which holds every rule. */
@Component(service = AppointmentResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "预约 Appointments")
public class AppointmentResource {

    @Reference
    AppointmentService appointments;

    /** @param workOrderId the work order opened for the vehicle, if already opened */
    public record Arrival(Long workOrderId) {
    }

    /** @param reason why the customer cancelled */
    public record Cancellation(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "预约 Book a slot", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AppointmentDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Appointment.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong: plate, date, not a slot, a slot already begun, no concern …"),
            @ApiResponse(responseCode = "409", description = "the slot is full (code slot_full)") })
    @RequiresPermission("appointment.book")
    public Response book(AppointmentDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Appointment created = appointments.book(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build();
        return Response.created(location).tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "查找预约 Search appointments by day range, advisor, status, plate", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of appointments (items, page, size, total)"))
    @RequiresPermission("appointment.read")
    public Page<Appointment> search(
            @Parameter(description = "from day, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "to day, yyyy-MM-dd (inclusive)") @QueryParam("to") String to,
            @Parameter(description = "advisor username") @QueryParam("advisor") String advisor,
            @Parameter(description = "BOOKED, ARRIVED, NO_SHOW, CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "车牌（可为部分） plate or part of it") @QueryParam("plate") String plate,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        AppointmentQuery query = new AppointmentQuery(day("from", from), day("to", to), advisor, status(status), plate);
        return appointments.search(query, request);
    }

    @GET
    @Path("slots")
    @Operation(summary = "某日各时段的预约量 The day's slots and how full each is", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SlotLoad.class)))))
    @RequiresPermission("appointment.read")
    public List<SlotLoad> slots(
            @Parameter(description = "day, yyyy-MM-dd", required = true) @QueryParam("date") String date) {
        return appointments.slots(day("date", date));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "预约详情 Read an appointment (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Appointment.class))),
            @ApiResponse(responseCode = "404", description = "no such appointment") })
    @RequiresPermission("appointment.read")
    public Response get(@PathParam("id") String id) {
        return withTag(appointments.get(Params.id("id", id)));
    }

    @POST
    @Path("{id}/arrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "到店 The vehicle came (If-Match: the ETag read)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Appointment.class))),
            @ApiResponse(responseCode = "409", description = "changed since read, or no longer booked") })
    @RequiresPermission("appointment.arrive")
    public Response arrive(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Arrival arrival,
            @Context SecurityContext security) {
        return withTag(appointments.arrive(Params.id("id", id), Params.ifMatch(ifMatch),
                arrival == null ? null : arrival.workOrderId(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/no-show")
    @Operation(summary = "爽约 The slot passed without the vehicle (If-Match: the ETag read)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Appointment.class))),
            @ApiResponse(responseCode = "409", description = "the slot has not begun, changed since read, or no longer booked") })
    @RequiresPermission("appointment.no-show")
    public Response noShow(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return withTag(appointments.noShow(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "取消预约 Cancel; the place is free again (If-Match: the ETag read)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Appointment.class))),
            @ApiResponse(responseCode = "400", description = "no reason"),
            @ApiResponse(responseCode = "409", description = "changed since read, or no longer booked") })
    @RequiresPermission("appointment.cancel")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Cancellation cancellation, @Context SecurityContext security) {
        return withTag(appointments.cancel(Params.id("id", id), Params.ifMatch(ifMatch),
                cancellation == null ? null : cancellation.reason(), RestActor.from(security)));
    }

    private static Response withTag(Appointment a) {
        return Response.ok(a).tag(Long.toString(a.version())).build();
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            if ("date".equals(field)) {
                throw DmsException.invalid(field, "required", "请给出日期（yyyy-MM-dd）", field + " is required (yyyy-MM-dd)");
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd",
                    field + " must be a date yyyy-MM-dd");
        }
    }

    private static AppointmentStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return AppointmentStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("status", "wrong_type", "status 应为 BOOKED、ARRIVED、NO_SHOW 或 CANCELLED",
                    "status must be BOOKED, ARRIVED, NO_SHOW or CANCELLED");
        }
    }
}
