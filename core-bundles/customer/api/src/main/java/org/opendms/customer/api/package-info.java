/**
 * Published customer API: value types, records and the service that core bundles and plugins call.
 * <p>
 * 2.1.0: field visibility per role ({@link org.opendms.customer.api.CustomerField}, {@code Customer.masked}); reads
 * and searches for an actor, searches recorded in the personal-data access record, which the manager searches by
 * actor and day; a search by part of a mobile only for roles that may read mobiles.
 */
@Export
@Version("2.1.0")
package org.opendms.customer.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
