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

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.staff.api.NewStaff;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffChange;
import org.opendms.staff.api.StaffDraft;
import org.opendms.staff.api.StaffService;
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

/** /api/staff: thin over {@link StaffService}, which holds every rule and the role policy. */
@Component(service = StaffResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "员工 Staff")
public class StaffResource {

    @Reference
    StaffService staff;

    /** A new password. */
    public record NewPassword(String password) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "添加员工 Add a staff account (admin)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewStaff.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StaffAccount.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong"),
            @ApiResponse(responseCode = "403", description = "not an admin"),
            @ApiResponse(responseCode = "409", description = "the login is taken") })
    @RequiresPermission("staff.add")
    public Response add(NewStaff body, @Context SecurityContext security, @Context UriInfo uri) {
        StaffAccount added = staff.add(body, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(added.login()).build();
        return Response.created(location).tag(Long.toString(added.version())).entity(added).build();
    }

    @GET
    @Operation(summary = "员工列表 List staff accounts (admin, manager, foreman)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = StaffAccount.class)))))
    @RequiresPermission("staff.read")
    public List<StaffAccount> list(
            @Parameter(description = "true: include disabled accounts") @QueryParam("all") String all,
            @Context SecurityContext security) {
        return staff.list(Boolean.TRUE.equals(Params.bool("all", all)), RestActor.from(security));
    }

    @GET
    @Path("{login}")
    @Operation(summary = "员工账号 Read a staff account (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffAccount.class))),
            @ApiResponse(responseCode = "404", description = "no such account") })
    @RequiresPermission("staff.read")
    public Response get(@PathParam("login") String login, @Context SecurityContext security) {
        return withTag(staff.get(login, RestActor.from(security)));
    }

    @PUT
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改员工 Change name, roles, skills and team (admin; If-Match: the ETag read)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StaffDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffAccount.class))),
            @ApiResponse(responseCode = "409", description = "changed by someone else since it was read") })
    @RequiresPermission("staff.update")
    public Response change(@PathParam("login") String login, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            StaffDraft body,
            @Context SecurityContext security) {
        return withTag(staff.change(login, Params.ifMatch(ifMatch), body, RestActor.from(security)));
    }

    @POST
    @Path("{login}/disable")
    @Operation(summary = "停用账号 Disable an account: it can no longer log in (admin; If-Match)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffAccount.class))))
    @RequiresPermission("staff.disable")
    public Response disable(@PathParam("login") String login, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return withTag(staff.disable(login, Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{login}/enable")
    @Operation(summary = "启用账号 Enable a disabled account again (admin; If-Match)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffAccount.class))))
    @RequiresPermission("staff.enable")
    public Response enable(@PathParam("login") String login, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return withTag(staff.enable(login, Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @PUT
    @Path("{login}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置密码 Set a password (admin for anyone, anyone for their own)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewPassword.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffAccount.class))),
            @ApiResponse(responseCode = "400", description = "too short or too long") })
    @RequiresPermission({ "staff.password.own", "staff.password.others" })
    public Response password(@PathParam("login") String login, NewPassword body, @Context SecurityContext security) {
        return withTag(staff.setPassword(login, body == null ? null : body.password(), RestActor.from(security)));
    }

    @GET
    @Path("{login}/changes")
    @Operation(summary = "修改记录 Who changed this account, when and what, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = StaffChange.class)))))
    @RequiresPermission("staff.changes.read")
    public List<StaffChange> changes(@PathParam("login") String login, @Context SecurityContext security) {
        return staff.changes(login, RestActor.from(security));
    }

    private static Response withTag(StaffAccount account) {
        return Response.ok(account).tag(Long.toString(account.version())).build();
    }
}
