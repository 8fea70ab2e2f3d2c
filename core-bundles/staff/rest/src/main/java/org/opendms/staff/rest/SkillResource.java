package org.opendms.staff.rest;

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
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillDraft;
import org.opendms.staff.api.SkillGrade;
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

/** /api/skills: the shop's skill catalogue (工种) and its level scale; thin over {@link SkillCatalogue}. */
@Component(service = SkillResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("skills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工种 Skills")
public class SkillResource {

    @Reference
    SkillCatalogue skills;

    @GET
    @Operation(summary = "工种目录 The skill catalogue by code", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SkillDefinition.class)))))
    @RequiresPermission("skill.read")
    public List<SkillDefinition> list(
            @Parameter(description = "true: include retired skills") @QueryParam("all") String all) {
        return skills.list(Boolean.TRUE.equals(Params.bool("all", all)));
    }

    @GET
    @Path("levels")
    @Operation(summary = "技能等级 The level scale of every skill, 1 学徒 to 5 技师长", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = SkillGrade.class)))))
    @RequiresPermission("skill.read")
    public List<SkillGrade> levels() {
        return SkillCatalogue.LEVELS;
    }

    @GET
    @Path("{code}")
    @Operation(summary = "工种 One skill (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SkillDefinition.class))),
            @ApiResponse(responseCode = "404", description = "no such skill") })
    @RequiresPermission("skill.read")
    public Response get(@PathParam("code") String code) {
        return tagged(skills.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增工种 Add a skill (admin, manager)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SkillDraft.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SkillDefinition.class))),
            @ApiResponse(responseCode = "409", description = "the code or the name is taken") })
    @RequiresPermission("skill.edit")
    public Response add(SkillDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        SkillDefinition added = skills.save(draft, null, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(added.code()).build();
        return Response.created(location).tag(Long.toString(added.version())).entity(added).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改或停用工种 Rename, retire (active false) or bring back a skill (admin, manager; If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SkillDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SkillDefinition.class))),
            @ApiResponse(responseCode = "409", description = "changed since read, or the name is taken") })
    @RequiresPermission("skill.edit")
    public Response change(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            SkillDraft draft, @Context SecurityContext security) {
        SkillDraft d = draft == null ? new SkillDraft(null, null, null, null) : draft;
        if (d.code() != null && !d.code().strip().equalsIgnoreCase(code.strip())) {
            throw DmsException.invalid("code", "code.mismatch", "请求体中的工种代码与地址中的不一致",
                    "the code in the body is not the code in the address");
        }
        long version = Params.ifMatch(ifMatch);
        return tagged(skills.save(new SkillDraft(code, d.name(), d.nameEn(), d.active()), version,
                RestActor.from(security)));
    }

    private static Response tagged(SkillDefinition s) {
        return Response.ok(s).tag(Long.toString(s.version())).build();
    }
}
