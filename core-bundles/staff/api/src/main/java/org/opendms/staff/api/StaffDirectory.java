package org.opendms.staff.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may be given work: the shop's known, active technicians. Dispatch and the skill table ask it so that a typo
 * never assigns a job to nobody. Reads only; no role needed.
 */
@ProviderType
public interface StaffDirectory {

    /** The active technician with this login; empty for an unknown login, a disabled account or another role. */
    Optional<Technician> technician(String login);

    /** Every active technician, by login. */
    List<Technician> technicians();
}
