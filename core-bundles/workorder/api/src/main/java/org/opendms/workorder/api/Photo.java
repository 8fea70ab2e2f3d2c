package org.opendms.workorder.api;

import java.time.Instant;

/**
 * A walk-around photo (环车检查照片) of a work order, without its bytes (see {@link WalkAroundPhotos#content}).
 *
 * @param contentType one of {@link WalkAroundPhotos#CONTENT_TYPES}, checked against the bytes
 * @param sha256      hex digest of the bytes, to tell the same picture sent twice
 * @param caption     optional, what the photo shows, e.g. "右后门划痕"
 * @param takenBy     the user who uploaded it
 */
public record Photo(long id, long workOrderId, String contentType, int sizeBytes, String sha256, String caption,
        Instant takenAt, String takenBy) {
}
