package org.opendms.workorder.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LabourOperation;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.QcRecord;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.Skill;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TechnicianSkill;
import org.opendms.workorder.api.TechnicianSuggestion;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderService;
import org.opendms.workorder.api.WorkOrderStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders: thin over {@link WorkOrderService}, which holds every rule. A change of the work order takes
 * If-Match with the ETag read (409 when someone changed it since); clocks are the technician's own and take none, but
 * answer with the work order's new ETag.
 */
@Component(service = WorkOrderResource.class)
@JaxrsResource
@JaxrsExtensionSelect({DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS})
@Path("work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "维修工单 Work orders")
public class WorkOrderResource {

    @Reference
    WorkOrderService workOrders;

    /** A page of work orders. */
    public record WorkOrderPage(List<WorkOrder> items, int page, int size, long total) {
        static WorkOrderPage of(Page<WorkOrder> p) {
            return new WorkOrderPage(p.items(), p.page(), p.size(), p.total());
        }
    }

    /** A page of the labour catalogue. */
    public record LabourOperationPage(List<LabourOperation> items, int page, int size, long total) {
        static LabourOperationPage of(Page<LabourOperation> p) {
            return new LabourOperationPage(p.items(), p.page(), p.size(), p.total());
        }
    }

    /** The work order just opened, with what the advisor raises at reception beside it. */
    public record OpenedWorkOrder(@JsonUnwrapped WorkOrder workOrder, ReceptionBrief reception) {
    }

    /** Why the customer declined a job. */
    public record Declining(String reason) {
    }

    /** A status move; {@code waitReason} only for WAITING. */
    public record StatusMove(WorkOrderStatus status, WaitReason waitReason, String note) {
    }

    /** A technician's clock on a labour line. */
    public record ClockOn(Long jobId, Long labourLineId, String technician) {
    }

    /** Stopping the clock; a pause reason unless the work is done. */
    public record ClockOff(String technician, String pauseReason) {
    }

    /** Who works a job, and in which bay. */
    public record Dispatch(List<String> technicians, String bay) {
    }

    /** A technician's level in a skill; 0 removes it. */
    public record SkillLevel(String technician, Skill skill, Integer level) {
    }

    /** A quality check. */
    public record Check(QcLevel level, Boolean passed, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "接车开单 Open a work order by plate (an unknown plate registers the vehicle)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReceptionDraft.class))),
            responses = {@ApiResponse(responseCode = "201", description = "the work order's fields and its reception brief in"
                    + " \"reception\"", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
                    @ApiResponse(responseCode = "400", description = "a field is wrong"),
                    @ApiResponse(responseCode = "409", description = "mileage lower than the last reading (confirm it), or the"
                            + " appointment is no longer booked")})
    public Response open(ReceptionDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        WorkOrder opened = workOrders.open(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(opened.id())).build();
        return Response.created(location).tag(Long.toString(opened.version()))
                .entity(new OpenedWorkOrder(opened, workOrders.receptionBrief(opened.id()))).build();
    }

    @GET
    @Path("{id}/reception")
    @Operation(summary = "接车提示 Recent visits, maintenance, insurance and inspection due, possible comeback",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReceptionBrief.class))),
                    @ApiResponse(responseCode = "404", description = "no such work order")})
    public ReceptionBrief reception(@PathParam("id") String id) {
        return workOrders.receptionBrief(Params.id("id", id));
    }

    @GET
    @Operation(summary = "查找工单 Search by plate, status, advisor, technician, opening day",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrderPage.class))))
    public WorkOrderPage search(@Parameter(description = "车牌（可为部分） plate or part of it") @QueryParam("plate") String plate,
            @Parameter(description = "status, e.g. IN_REPAIR") @QueryParam("status") String status,
            @Parameter(description = "advisor username") @QueryParam("advisor") String advisor,
            @Parameter(description = "technician username") @QueryParam("technician") String technician,
            @Parameter(description = "opened on or after, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "opened on or before, yyyy-MM-dd") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        WorkOrderQuery query = new WorkOrderQuery(plate, status(status), advisor, technician, day("from", from), day("to", to));
        return WorkOrderPage.of(workOrders.search(query, request));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "工单详情 Read a work order with jobs, lines and totals (ETag is the version)",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
                    @ApiResponse(responseCode = "404", description = "no such work order")})
    public Response get(@PathParam("id") String id) {
        return tagged(workOrders.get(Params.id("id", id)));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "状态历史 Every status move with who and when",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = StatusChange.class)))))
    public List<StatusChange> history(@PathParam("id") String id) {
        return workOrders.history(Params.id("id", id));
    }

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "工单履历 Every step of the visit with who and when: opening, status, approvals, dispatch, clocks, QC",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TimelineEntry.class)))))
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        return workOrders.timeline(Params.id("id", id));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "改变状态 Move the status (If-Match)",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
                    @ApiResponse(responseCode = "400", description = "no status, or a wait reason missing or not allowed"),
                    @ApiResponse(responseCode = "409", description = "a move that is not allowed (illegal_transition), or changed since read")})
    public Response status(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StatusMove move,
            @Context SecurityContext security) {
        StatusMove m = move == null ? new StatusMove(null, null, null) : move;
        return tagged(workOrders.changeStatus(Params.id("id", id), Params.ifMatch(ifMatch), m.status(), m.waitReason(),
                m.note(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "增加项目 Add a job (during repair: an add-on that must be approved) (If-Match)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = JobDraft.class))),
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response addJob(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JobDraft draft,
            @Context SecurityContext security) {
        return tagged(workOrders.addJob(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security)));
    }

    @POST
    @Path("{id}/jobs/{jobId}/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "增加明细 Add a labour, part, sublet or fee line to a job (If-Match)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LineDraft.class))),
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response addLine(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LineDraft draft, @Context SecurityContext security) {
        return tagged(workOrders.addLine(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch), draft,
                RestActor.from(security)));
    }

    @DELETE
    @Path("{id}/jobs/{jobId}/lines/{lineId}")
    @Operation(summary = "删除明细 Remove a line not yet clocked on; an approved job needs the approval again (If-Match)",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
                    @ApiResponse(responseCode = "404", description = "no such line on that job"),
                    @ApiResponse(responseCode = "409", description = "clocked on (line.clocked), closed, or changed since read")})
    public Response removeLine(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @PathParam("lineId") String lineId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(workOrders.removeLine(Params.id("id", id), Params.id("jobId", jobId), Params.id("lineId", lineId),
                Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{id}/jobs/{jobId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "客户拒绝 The customer declines a job: kept for follow-up, out of the totals (If-Match)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Declining.class))),
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
                    @ApiResponse(responseCode = "409", description = "clocked on (job.clocked), already declined, closed, or"
                            + " changed since read")})
    public Response decline(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Declining declining, @Context SecurityContext security) {
        return tagged(workOrders.declineJob(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch),
                declining == null ? null : declining.reason(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/jobs/{jobId}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "客户确认 Record the customer's approval of a job (If-Match)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApprovalDraft.class))),
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response approve(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ApprovalDraft draft, @Context SecurityContext security) {
        return tagged(workOrders.approve(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch), draft,
                RestActor.from(security)));
    }

    @GET
    @Path("{id}/jobs/{jobId}/suggestions")
    @Operation(summary = "派工建议 Technicians for a job, ranked by skill level then open sold hours, each with why",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianSuggestion.class)))))
    public List<TechnicianSuggestion> suggestions(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @Parameter(description = "MECHANICAL, ELECTRICAL, BODY, PAINT; absent: the skill the job's labour operations name")
            @QueryParam("skill") String skill) {
        return workOrders.suggestTechnicians(Params.id("id", id), Params.id("jobId", jobId),
                skill == null || skill.isBlank() ? null : skill(skill));
    }

    @POST
    @Path("{id}/jobs/{jobId}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "派工 Assign technicians and a bay to a job (If-Match)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Dispatch.class))),
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response dispatch(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Dispatch dispatch, @Context SecurityContext security) {
        Dispatch d = dispatch == null ? new Dispatch(null, null) : dispatch;
        return tagged(workOrders.assign(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch),
                d.technicians(), d.bay(), RestActor.from(security)));
    }

    @GET
    @Path("{id}/assignments")
    @Operation(summary = "派工情况 Who works each dispatched job, and where",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Assignment.class)))))
    public List<Assignment> assignments(@PathParam("id") String id) {
        return workOrders.assignments(Params.id("id", id));
    }

    @GET
    @Path("technician-skills")
    @Operation(summary = "技师技能表 The technicians' skill table",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianSkill.class)))))
    public List<TechnicianSkill> skills() {
        return workOrders.skills();
    }

    @POST
    @Path("technician-skills")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置技师技能 Set a technician's level (1–5) in a skill; 0 removes it",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianSkill.class)))))
    public List<TechnicianSkill> setSkill(SkillLevel level, @Context SecurityContext security) {
        SkillLevel l = level == null ? new SkillLevel(null, null, null) : level;
        if (l.level() == null) {
            throw DmsException.invalid("level", "required", "请填写技能等级（0–5）", "level is required (0–5)");
        }
        return workOrders.setSkill(l.technician(), l.skill(), l.level(), RestActor.from(security));
    }

    @GET
    @Path("labour-operations")
    @Operation(summary = "工时目录 The labour catalogue by code",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabourOperationPage.class))))
    public LabourOperationPage labourOperations(
            @Parameter(description = "代码开头或名称的一部分 code prefix or part of the name") @QueryParam("q") String text,
            @Parameter(description = "true: leave out retired operations") @QueryParam("activeOnly") String activeOnly,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        return LabourOperationPage.of(workOrders.labourOperations(text,
                Boolean.TRUE.equals(Params.bool("activeOnly", activeOnly)), request));
    }

    @GET
    @Path("labour-operations/{code}")
    @Operation(summary = "工时项目 One operation of the labour catalogue (ETag is the version)",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabourOperation.class))),
                    @ApiResponse(responseCode = "404", description = "no such operation")})
    public Response labourOperation(@PathParam("code") String code) {
        LabourOperation op = workOrders.labourOperation(code);
        return Response.ok(op).tag(Long.toString(op.version())).build();
    }

    @POST
    @Path("labour-operations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增工时项目 Add an operation to the labour catalogue (manager)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LabourOperationDraft.class))),
            responses = {@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LabourOperation.class))),
                    @ApiResponse(responseCode = "409", description = "the code is already in the catalogue")})
    public Response addLabourOperation(LabourOperationDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        LabourOperation op = workOrders.saveLabourOperation(draft, null, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(op.code()).build();
        return Response.created(location).tag(Long.toString(op.version())).entity(op).build();
    }

    @PUT
    @Path("labour-operations/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改或停用工时项目 Change or retire (active false) an operation (manager, If-Match)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LabourOperationDraft.class))),
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabourOperation.class))),
                    @ApiResponse(responseCode = "409", description = "changed since read")})
    public Response changeLabourOperation(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            LabourOperationDraft draft, @Context SecurityContext security) {
        LabourOperationDraft d = draft == null ? new LabourOperationDraft(null, null, null, null, null) : draft;
        if (d.code() != null && !d.code().strip().equalsIgnoreCase(code.strip())) {
            throw DmsException.invalid("code", "code.mismatch", "请求体中的工时代码与地址中的不一致",
                    "the code in the body is not the code in the address");
        }
        long version = Params.ifMatch(ifMatch);
        LabourOperation op = workOrders.saveLabourOperation(new LabourOperationDraft(code, d.name(), d.flatRateHours(),
                d.skill(), d.active()), version, RestActor.from(security));
        return Response.ok(op).tag(Long.toString(op.version())).build();
    }

    @POST
    @Path("{id}/clock-on")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "技师开工 Start a technician's clock on a labour line",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClockEntry.class))),
                    @ApiResponse(responseCode = "409", description = "job not approved, or the technician's clock already runs")})
    public Response clockOn(@PathParam("id") String id, ClockOn on, @Context SecurityContext security) {
        ClockOn c = on == null ? new ClockOn(null, null, null) : on;
        long workOrder = Params.id("id", id);
        return clockTagged(workOrder, workOrders.clockOn(workOrder, required("jobId", c.jobId()),
                required("labourLineId", c.labourLineId()), c.technician(), RestActor.from(security)));
    }

    @POST
    @Path("{id}/clock-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "技师停工 Stop the technician's clock (a pause reason unless done)",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClockEntry.class))))
    public Response clockOff(@PathParam("id") String id, ClockOff off, @Context SecurityContext security) {
        ClockOff c = off == null ? new ClockOff(null, null) : off;
        long workOrder = Params.id("id", id);
        return clockTagged(workOrder, workOrders.clockOff(workOrder, c.technician(), c.pauseReason(), RestActor.from(security)));
    }

    @GET
    @Path("{id}/clocks")
    @Operation(summary = "工时记录 Every clock of the work order",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ClockEntry.class)))))
    public List<ClockEntry> clocks(@PathParam("id") String id) {
        return workOrders.clocks(Params.id("id", id));
    }

    @POST
    @Path("{id}/qc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "质检 Record a quality check; a failure sends it back to repair as rework (If-Match)",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response qc(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Check check,
            @Context SecurityContext security) {
        Check c = check == null ? new Check(null, null, null) : check;
        if (c.passed() == null) {
            throw DmsException.invalid("passed", "required", "请填写质检是否通过", "passed is required");
        }
        return tagged(workOrders.qc(Params.id("id", id), Params.ifMatch(ifMatch), c.level(), c.passed(), c.note(),
                RestActor.from(security)));
    }

    @GET
    @Path("{id}/qc")
    @Operation(summary = "质检记录 Every quality check",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = QcRecord.class)))))
    public List<QcRecord> qcRecords(@PathParam("id") String id) {
        return workOrders.qcRecords(Params.id("id", id));
    }

    @POST
    @Path("{id}/comeback/confirm")
    @Operation(summary = "确认返修 Confirm the proposed comeback link (If-Match)",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response confirmComeback(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(workOrders.confirmComeback(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{id}/comeback/reject")
    @Operation(summary = "否认返修 Reject the proposed comeback link (If-Match)",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    public Response rejectComeback(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(workOrders.rejectComeback(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    private static Response tagged(WorkOrder w) {
        return Response.ok(w).tag(Long.toString(w.version())).build();
    }

    /**
     * A clock takes no If-Match but raises the work order's version: its answer carries the new ETag, so that the
     * client's next change does not meet a 409 for a change it made itself.
     */
    private Response clockTagged(long workOrder, ClockEntry entry) {
        return Response.ok(entry).tag(Long.toString(workOrders.get(workOrder).version())).build();
    }

    private static long required(String field, Long value) {
        if (value == null) {
            throw DmsException.invalid(field, "required", field + " 不能为空", field + " is required");
        }
        return value;
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd", field + " must be a date yyyy-MM-dd");
        }
    }

    private static Skill skill(String raw) {
        try {
            return Skill.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("skill", "wrong_type", "skill 应为 MECHANICAL、ELECTRICAL、BODY 或 PAINT",
                    "skill must be MECHANICAL, ELECTRICAL, BODY or PAINT");
        }
    }

    private static WorkOrderStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return WorkOrderStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("status", "wrong_type", "status 不是工单状态", "status is not a work-order status");
        }
    }
}
