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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.karaf.features.FeaturesService;
import org.opendms.platform.rest.api.DmsRest;
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
 * Answers without login, so a load balancer or an integrator's monitor can watch the platform. UP only once every
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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "平台健康状况 Health: up, database reachable, schema version per bundle, what is still starting", responses = {
            @ApiResponse(responseCode = "200", description = "up", content = @Content(schema = @Schema(implementation = Health.class))),
            @ApiResponse(responseCode = "503", description = "database unreachable, or the core still starting", content = @Content(schema = @Schema(implementation = Health.class))) })
    public Response health() {
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
        Health health = new Health(status, Instant.now(), db, versions, starting);
        return Response.status("UP".equals(status) ? 200 : 503).entity(health).build();
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
