package org.opendms.platform.rest.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.features.FeaturesService;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.platform.api.schema.SchemaReady;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Answers without login, so a load balancer or an integrator's monitor can watch the platform: to anyone only UP,
 * STARTING or DOWN; the details (database product and version, schema versions) only to a logged-in admin
 * ({@value #DETAILS}), as they tell an attacker which versions to aim at. UP only once every
 * core bundle's schema and services are ready (see {@link CoreReadiness}): a client that waits for UP can then use
 * every core endpoint at once.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.JSON, DmsRest.PROBLEMS })
@Path("health")
@Tag(name = "平台 Platform")
public class HealthResource {

    @Reference(target = "(osgi.jndi.service.name=dms)", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<SchemaReady> schemas;

    @Reference
    FeaturesService features;

    @Reference
    Permissions permissions;

    @Reference
    ServiceComponentRuntime scr;

    @Reference
    JaxrsServiceRuntime jaxrs;

    private CoreReadiness core;

    @Activate
    void activate(BundleContext context) {
        core = new CoreReadiness(context, features, scr, jaxrs);
    }

    /** What the health check reports. */
    public record Health(
            @Schema(description = "UP when the database answers and the whole core is ready; STARTING while a core "
                    + "bundle's schema or services are not ready yet; DOWN when the database does not answer", example = "UP") String status,
            Instant time,
            DatabaseHealth database,
            @Schema(description = "schema version (last changeset applied) per bundle") Map<String, String> schemas,
            @Schema(description = "what of the core is still starting (bundle: what it waits for); empty when UP") List<String> starting) {
    }

    public record DatabaseHealth(boolean reachable, String product, String error) {
    }

    /** What anyone may know: up, starting or down. */
    public record Status(@Schema(description = "UP, STARTING or DOWN", example = "UP") String status) {
    }

    /** Who sees the details (database product and version, schema versions, what is starting). */
    static final String DETAILS = "platform.health.details";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "平台健康状况 Health: UP, STARTING or DOWN for anyone; an admin (logged in) also gets the database, "
            + "the schema version per bundle and what is still starting", responses = {
                    @ApiResponse(responseCode = "200", description = "up", content = @Content(schema = @Schema(oneOf = {
                            Status.class, Health.class }))),
                    @ApiResponse(responseCode = "503", description = "database unreachable, or the core still starting", content = @Content(schema = @Schema(oneOf = {
                            Status.class, Health.class }))) })
    public Response health(@Context SecurityContext security) {
        DatabaseHealth db = probe(dataSource);
        Map<String, String> versions = new TreeMap<>();
        List<SchemaReady> ready = schemas;
        if (ready != null) {
            for (SchemaReady s : ready) {
                versions.put(s.bundle(), s.version());
            }
        }
        List<String> starting = core.starting();
        String status = !db.reachable() ? "DOWN" : starting.isEmpty() ? "UP" : "STARTING";
        int code = "UP".equals(status) ? 200 : 503;
        boolean details = security != null && security.getUserPrincipal() != null
                && permissions.allows(RestActor.from(security), DETAILS);
        if (!details) {
            return Response.status(code).entity(new Status(status)).build();
        }
        return Response.status(code).entity(new Health(status, Instant.now(), db, versions, starting)).build();
    }

    private static DatabaseHealth probe(DataSource ds) {
        if (ds == null) {
            return new DatabaseHealth(false, null, "no DataSource 'dms' configured");
        }
        try (Connection c = ds.getConnection()) {
            if (!c.isValid(2)) {
                return new DatabaseHealth(false, null, "connection not valid");
            }
            var meta = c.getMetaData();
            return new DatabaseHealth(true, meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
                    null);
        } catch (Exception e) {
            return new DatabaseHealth(false, null, e.getMessage());
        }
    }

}
