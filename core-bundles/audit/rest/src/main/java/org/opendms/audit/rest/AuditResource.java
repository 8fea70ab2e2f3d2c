package org.opendms.audit.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.api.audit.AuditTrail;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/audit: thin over {@link AuditTrail}, which checks the role. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "修改留痕 Audit trail")
public class AuditResource {

    @Reference
    AuditTrail trail;

    @GET
    @Operation(summary = "修改留痕 Who changed which field of which record, old and new value (personal data masked), newest first; one record with type and id", responses = {
            @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of entries (items, page, size, total)"),
            @ApiResponse(responseCode = "400", description = "a parameter is wrong (named in field)"),
            @ApiResponse(responseCode = "403", description = "not a manager or admin") })
    @RequiresPermission("audit.read")
    public Page<AuditEntry> search(
            @Parameter(description = "record type, e.g. customer, vehicle, work-order, labour-operation, staff, technician-skill, appointment, plugin") @QueryParam("type") String type,
            @Parameter(description = "the record's id (with type)") @QueryParam("id") String id,
            @Parameter(description = "who changed it (login)") @QueryParam("actor") String actor,
            @Parameter(description = "field, e.g. address or unitPrice") @QueryParam("field") String field,
            @Parameter(description = "first day, yyyy-MM-dd (shop time)") @QueryParam("from") String from,
            @Parameter(description = "last day, yyyy-MM-dd (shop time)") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        if (id != null && !id.isBlank() && (type == null || type.isBlank())) {
            // both named: the id is what was sent, the type is what it lacks
            new Violations().add("type", "required", "按记录查询时请同时给出类型 type", "type is required with id")
                    .add("id", "type_required", "记录编号 id 需与类型 type 一起给出", "id needs its record type")
                    .throwIfAny();
        }
        return trail.search(new AuditQuery(type, id, actor, field, day("from", from), day("to", to)), request,
                RestActor.from(security));
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd",
                    field + " must be a date yyyy-MM-dd");
        }
    }
}
