package org.opendms.webapp.live;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/live: server-sent events for the open pages of the web app (the workshop board moves a card when anyone moves
 * a work order). A client that does not ask for {@code text/event-stream} gets the list of event types instead of a
 * stream that never ends, so scripts and API walkers are answered at once.
 */
@Component(service = LiveResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("live")
@Tag(name = "实时推送 Live updates")
public class LiveResource {

    /** The event types, with what they carry. */
    static final Map<String, String> TYPES = Map.of("ready", "the stream is open",
            "workorder", "a work order changed: {id, number, status, from, plate, vehicleId, jobId, by, at}",
            "web-extensions", "plugin pages came or went: reload GET /api/web/extensions");

    @Reference
    LiveHub hub;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "实时推送 Server-sent events while the page is open (Accept: text/event-stream; without it the event types as JSON)", responses = @ApiResponse(responseCode = "200", description = "events ready, workorder, web-extensions"))
    @RequiresPermission("web.live")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext security) {
        hub.open(sink, sse, RestActor.from(security));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=2")
    // documented with the stream: one operation, two answers
    @Operation(hidden = true)
    @RequiresPermission("web.live")
    public Map<String, Object> types() {
        return Map.of("types", List.copyOf(TYPES.keySet()), "described", TYPES);
    }
}
