/**
 * Published staff API: who works in the shop, in which roles, trades and team, and the directory other bundles
 * (dispatch, the skill table) ask for known, active technicians.
 */
@Export
@Version("1.1.0")
package org.opendms.staff.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
