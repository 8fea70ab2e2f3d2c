package org.opendms.workorder.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.Dispatch;
import org.opendms.workorder.api.TechnicianSkill;
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
 * /api/technician-skills: the technicians' skill table used to suggest who works a job; thin over {@link Dispatch}.
 */
@Component(service = TechnicianSkillResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("technician-skills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "派工 Dispatch")
public class TechnicianSkillResource {

    @Reference
    Dispatch dispatch;

    /**
     * A technician's level in a skill; 0 removes it (named apart from staff's own SkillLevel in the OpenAPI document).
     */
    @Schema(name = "TechnicianSkillLevel")
    public record SkillLevel(String technician, String skill, Integer level) {
    }

    @GET
    @Operation(summary = "技师技能表 The technicians' skill table", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianSkill.class)))))
    @RequiresPermission("technician.skills.read")
    public List<TechnicianSkill> skills() {
        return dispatch.skills();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置技师技能 Set a technician's level (1–5) in a skill; 0 removes it", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianSkill.class)))))
    @RequiresPermission("technician.skills.edit")
    public List<TechnicianSkill> setSkill(SkillLevel level, @Context SecurityContext security) {
        SkillLevel l = level == null ? new SkillLevel(null, null, null) : level;
        if (l.level() == null) {
            throw DmsException.invalid("level", "required", "请填写技能等级（0–5）", "level is required (0–5)");
        }
        return dispatch.setSkill(l.technician(), l.skill(), l.level(), RestActor.from(security));
    }
}
