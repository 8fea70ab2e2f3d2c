package org.opendms.workorder.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
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
import org.opendms.workorder.api.Photo;
import org.opendms.workorder.api.PhotoContent;
import org.opendms.workorder.api.WalkAroundPhotos;
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

/**
 * /api/work-orders/{id}/photos: walk-around photos, thin over {@link WalkAroundPhotos}, which holds every rule. The
 * photo is the request body as the camera made it, with its Content-Type; a JAX-RS root resource of its own, as its
 * path is longer than {@link WorkOrderResource}'s, requests below it come here.
 */
@Component(service = WalkAroundPhotoResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/photos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "维修工单 Work orders")
public class WalkAroundPhotoResource {

    /**
     * Bytes read and thrown away after an upload over the limit, so that the client, still sending, reads the 400
     * rather than a reset connection; a larger upload is cut off.
     */
    static final long DISCARD_MAX = 32L * 1024 * 1024;

    @Reference
    WalkAroundPhotos photos;

    @POST
    // exactly these types: a cross-site form (text/plain, form encodings) cannot post a photo (README: Security)
    @Consumes({ "image/jpeg", "image/png", "image/webp", "image/heic" })
    @Operation(summary = "上传环车照片 Add a walk-around photo: the body is the image (JPEG, PNG, WebP or HEIC) with its"
            + " Content-Type, at most photoMaxBytes (default 5 MB); at most 30 per work order", requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/heic", schema = @Schema(type = "string", format = "binary")) }), responses = {
                            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Photo.class))),
                            @ApiResponse(responseCode = "400", description = "not an accepted image type, bytes not of the type declared"
                                    + " (photo.type), empty, too large (photo.too_large), caption too long"),
                            @ApiResponse(responseCode = "403", description = "a role that does not take photos"),
                            @ApiResponse(responseCode = "404", description = "no such work order"),
                            @ApiResponse(responseCode = "409", description = "work order delivered or cancelled (status.closed), or"
                                    + " already 30 photos (photo.too_many)") })
    @RequiresPermission("workorder.photo.add")
    public Response add(@PathParam("id") String id,
            @Parameter(description = "说明 what the photo shows, at most 200 characters") @QueryParam("caption") String caption,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        long workOrderId = Params.id("id", id);
        // one byte past the limit is enough for the service to refuse the photo as too large
        byte[] data = read(body, photos.maxBytes() + 1);
        Photo added = photos.add(workOrderId, contentType, data, caption, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(added.id())).replaceQuery(null).build();
        return Response.created(location).entity(added).build();
    }

    @GET
    @Operation(summary = "环车照片 The walk-around photos of a work order, oldest first (without their bytes)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Photo.class)))),
            @ApiResponse(responseCode = "404", description = "no such work order") })
    @RequiresPermission("workorder.read")
    public List<Photo> list(@PathParam("id") String id) {
        return photos.list(Params.id("id", id));
    }

    @GET
    @Path("{photoId}")
    @Produces({ "image/jpeg", "image/png", "image/webp", "image/heic", MediaType.APPLICATION_JSON })
    @Operation(summary = "照片内容 The photo itself, with its Content-Type", responses = {
            @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/heic", schema = @Schema(type = "string", format = "binary")) }),
            @ApiResponse(responseCode = "404", description = "the work order has no such photo") })
    @RequiresPermission("workorder.read")
    public Response content(@PathParam("id") String id, @PathParam("photoId") String photoId) {
        PhotoContent photo = photos.content(Params.id("id", id), Params.id("photoId", photoId));
        CacheControl cache = new CacheControl();
        // a photo never changes once stored, but it shows a customer's car: no shared cache keeps it
        cache.setPrivate(true);
        cache.setMaxAge(24 * 3600);
        return Response.ok(photo.data(), photo.contentType()).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * The body, but never more than {@code max} bytes of it in memory. A longer body is read on (up to
     * {@link #DISCARD_MAX}) and thrown away.
     */
    static byte[] read(InputStream body, int max) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] data = body.readNBytes(max);
            if (data.length == max) {
                long skipped = 0;
                byte[] sink = new byte[64 * 1024];
                for (int n; skipped < DISCARD_MAX && (n = body.read(sink)) > 0;) {
                    skipped += n;
                }
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded photo", e);
        }
    }
}
