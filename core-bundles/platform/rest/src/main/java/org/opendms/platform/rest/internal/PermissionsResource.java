package org.opendms.platform.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The permission table and what each operation needs, for a client that shows each user only what they may do
 * (and for anyone who wants to check the policy). Every logged-in user may read it: it holds no customer data.
 */
@Component(service = PermissionsResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("permissions")
@Tag(name = "平台 Platform")
public class PermissionsResource {

    @Reference
    Permissions permissions;

    @Reference
    OperationCatalogue operations;

    /** An operation under /api and the permissions it needs (any one of them). */
    public record OperationView(String method, String path, List<String> permissions) {
    }

    /** The table, the operations, and which permissions the caller has. */
    public record PermissionTableView(
            @Schema(description = "the shop roles, in the order the matrix shows them") List<String> roles,
            List<Permission> permissions,
            @Schema(description = "every operation under /api now, plugins' included") List<OperationView> operations,
            @Schema(description = "the permissions of the calling user") List<String> granted) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("platform.permissions.read")
    @Operation(summary = "权限表 Who may do what: permissions with their roles, every operation with its permission", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PermissionTableView.class))))
    public PermissionTableView table(@Context SecurityContext security) {
        Actor actor = RestActor.from(security);
        List<Permission> all = permissions.all();
        return new PermissionTableView(Roles.ALL, all,
                operations.all().stream().map(o -> new OperationView(o.method(), o.path(), o.permissions())).toList(),
                all.stream().filter(p -> p.grantedTo(actor)).map(Permission::name).toList());
    }
}
