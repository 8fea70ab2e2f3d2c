package org.opendms.staff.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.staff.api.LoginEvent;
import org.opendms.staff.api.LoginLock;
import org.opendms.staff.api.LoginSecurity;
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

/** /api/login-security: locked logins and addresses, the security log, unlocking (admin). */
@Component(service = LoginSecurityResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("login-security")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "员工 Staff")
public class LoginSecurityResource {

    @Reference
    LoginSecurity security;

    /** What to unlock: a login or an address. */
    public record UnlockInput(String login, String address) {
    }

    @GET
    @Path("locks")
    @Operation(summary = "登录锁定 Logins and addresses locked or slowed down after failed logins", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = LoginLock.class)))))
    @RequiresPermission("staff.login.read")
    public List<LoginLock> locks(@Context SecurityContext sc) {
        return security.locks(RestActor.from(sc));
    }

    @GET
    @Path("events")
    @Operation(summary = "安全日志 The security log, newest first: failed logins, locks, unlocks", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = LoginEvent.class)))))
    @RequiresPermission("staff.login.read")
    public List<LoginEvent> events(
            @Parameter(description = "only this login's events") @QueryParam("login") String login,
            @Parameter(description = "at most this many, 1–1000 (default 100)") @QueryParam("limit") String limit,
            @Context SecurityContext sc) {
        Integer n = Params.integer("limit", limit);
        return security.events(login, n == null ? 100 : n, RestActor.from(sc));
    }

    @POST
    @Path("unlock")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "解除锁定 Unlock a login or an address (admin; recorded)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UnlockInput.class))), responses = {
            @ApiResponse(responseCode = "200", description = "what was unlocked", content = @Content(schema = @Schema(implementation = LoginLock.class))),
            @ApiResponse(responseCode = "404", description = "neither locked nor slowed down") })
    @RequiresPermission("staff.login.unlock")
    public LoginLock unlock(UnlockInput body, @Context SecurityContext sc) {
        return security.unlock(body == null ? null : body.login(), body == null ? null : body.address(),
                RestActor.from(sc));
    }
}
