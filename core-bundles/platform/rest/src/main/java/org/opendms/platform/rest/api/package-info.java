/**
 * How a bundle publishes REST resources under {@code /api}: constants for the JAX-RS whiteboard, and the permission
 * each resource method needs.
 */
@Export
@Version("1.5.0")
package org.opendms.platform.rest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
