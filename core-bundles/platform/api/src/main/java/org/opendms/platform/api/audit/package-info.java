/**
 * The audit trail: who changed which field of which record, when, from what to what; personal data masked in it.
 * Every domain writes it with one call of {@link AuditTrail} inside the transaction of its change, so that a change
 * refused or rolled back leaves no entry; the manager reads it per record and as a searchable log.
 */
@Export
@Version("1.0.0")
package org.opendms.platform.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
