package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Walk-around photos (环车检查照片) of a work order: the scratches, dents and belongings found at reception, kept with
 * the work order so that a later dispute has the picture. Photos are only added, never changed; adding one does not
 * change the work order's version, so nobody's open copy goes stale because a technician took a picture.
 */
@ProviderType
public interface WalkAroundPhotos {

    /** The content types accepted; the bytes must really be of the type declared. */
    List<String> CONTENT_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/heic");
    /** Default largest photo, 5 MiB (configuration {@code photoMaxBytes}). */
    int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
    /** Most photos one work order keeps. */
    int MAX_PER_WORK_ORDER = 30;
    /** Longest caption, in characters. */
    int CAPTION_MAX = 200;

    /**
     * Stores a photo. A refused photo stores nothing.
     *
     * @param contentType one of {@link #CONTENT_TYPES} (parameters such as {@code ;q=1} and case are ignored)
     * @param caption     optional, at most {@value #CAPTION_MAX} characters
     *
     * @throws DmsException FORBIDDEN for a role that may not add photos (those who edit
     *                      work orders, and technicians); INVALID_INPUT field {@code photo} code
     *                      {@code photo.type} (a type not accepted, or bytes that are not what was declared),
     *                      {@code photo.empty}, {@code photo.too_large} (over {@link #maxBytes()}), field
     *                      {@code caption}; NOT_FOUND for an unknown work order; CONFLICT {@code status.closed} once it
     *                      is DELIVERED or CANCELLED, {@code photo.too_many} when it already has
     *                      {@value #MAX_PER_WORK_ORDER}
     */
    Photo add(long workOrderId, String contentType, byte[] data, String caption, Actor actor);

    /**
     * The photos of a work order without their bytes, oldest first.
     *
     * @throws DmsException NOT_FOUND for an unknown work order
     */
    List<Photo> list(long workOrderId);

    /**
     * The bytes of one photo.
     *
     * @throws DmsException NOT_FOUND when the work order has no such photo
     */
    PhotoContent content(long workOrderId, long photoId);

    /** The largest photo accepted now, in bytes: a caller reading an upload needs no more than one byte beyond it. */
    int maxBytes();
}
