/**
 * The persistence plumbing every service with its own tables uses, in one shape: the audited base of a row
 * ({@link Audited}), telling listeners after commit ({@link AfterCommit}), running a deadlock victim again
 * ({@link DeadlockRetry}), the stale-version refusal ({@link StaleVersion}), a page of a search
 * ({@link PagedSearch}) and a search planned for its text ({@link PlanPerSearch}).
 */
@Export
@Version("1.3.0")
package org.opendms.platform.api.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
