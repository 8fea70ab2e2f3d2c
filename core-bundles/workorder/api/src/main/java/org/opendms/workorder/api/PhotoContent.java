package org.opendms.workorder.api;

/** The bytes of a walk-around photo and their content type. */
public record PhotoContent(String contentType, byte[] data) {
}
