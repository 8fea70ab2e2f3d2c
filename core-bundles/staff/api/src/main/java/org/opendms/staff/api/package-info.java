/**
 * Published staff API: who works in the shop, in which roles, trades and team, and the directory other bundles
 * (dispatch, the skill table) ask for known, active technicians.
 * <p>
 * 1.1.0: the configurable {@link org.opendms.staff.api.SkillCatalogue} with its level scale; skill codes checked
 * against it; {@link org.opendms.staff.api.StaffDirectory#member} for checking the role of a person a record names.
 */
@Export
@Version("1.1.0")
package org.opendms.staff.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
