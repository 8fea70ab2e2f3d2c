package org.opendms.workorder.impl;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.opendms.staff.api.StaffDirectory;
import org.opendms.staff.api.Technician;

/**
 * The shop's technicians for these tests: every login "*.tech" is an active technician unless disabled here. The staff
 * module's own contract tests hold the real directory; the distribution's integration tests run dispatch against it.
 */
final class ShopTechnicians implements StaffDirectory {

    final Set<String> disabled = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Technician> technician(String login) {
        return login.matches("[a-z0-9]+\\.tech") && !disabled.contains(login)
                ? Optional.of(new Technician(login, login, null, List.of()))
                : Optional.empty();
    }

    @Override
    public List<Technician> technicians() {
        return List.of();
    }
}
