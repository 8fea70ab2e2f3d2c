package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.tagged;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.QcRecord;
import org.opendms.workorder.api.QualityControl;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders/{id}/qc: the quality checks of a work order (自检, 班组检, 终检); thin over {@link QualityControl}.
 * Recording a check takes If-Match with the work order's ETag.
 */
@Component(service = QualityControlResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/qc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "质检 Quality control")
public class QualityControlResource {

    @Reference
    QualityControl qc;

    /** A quality check. */
    public record Check(QcLevel level, Boolean passed, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "质检 Record a quality check; a failure sends it back to repair as rework (If-Match)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    @RequiresPermission({ "workorder.qc.self", "workorder.qc.foreman", "workorder.qc.final" })
    public Response check(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Check check,
            @Context SecurityContext security) {
        Check c = check == null ? new Check(null, null, null) : check;
        if (c.passed() == null) {
            throw DmsException.invalid("passed", "required", "请填写质检是否通过", "passed is required");
        }
        return tagged(qc.check(Params.id("id", id), Params.ifMatch(ifMatch), c.level(), c.passed(), c.note(),
                RestActor.from(security)));
    }

    @GET
    @Operation(summary = "质检记录 Every quality check", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = QcRecord.class)))))
    @RequiresPermission("workorder.read")
    public List<QcRecord> checks(@PathParam("id") String id) {
        return qc.checks(Params.id("id", id));
    }
}
