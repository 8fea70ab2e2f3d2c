/**
 * Small JPA helpers every service with its own tables needs in the same shape: a page of a search.
 */
@Export
@Version("1.0.0")
package org.opendms.platform.api.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
