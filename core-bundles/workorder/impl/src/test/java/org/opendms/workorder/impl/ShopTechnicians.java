package org.opendms.workorder.impl;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.opendms.staff.api.StaffDirectory;
import org.opendms.staff.api.StaffMember;
import org.opendms.staff.api.Technician;

/**
 * The shop's staff for these tests: every login "*.tech" is an active technician unless disabled here, "*.advisor" an
 * advisor, "*.manager" a manager, "*.foreman" a foreman, "*.inspector" an inspector, "*.cashier" (and "cashier") a
 * cashier. The staff module's own contract tests hold the real directory; the distribution's integration tests run
 * the work-order services against it.
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

    @Override
    public Optional<StaffMember> member(String login) {
        if (login == null || disabled.contains(login)) {
            return Optional.empty();
        }
        String role = login.equals("cashier") ? "cashier"
                : login.matches("[a-z0-9]+\\.(tech|advisor|manager|foreman|inspector|cashier)")
                        ? login.substring(login.indexOf('.') + 1)
                        : null;
        if (role == null) {
            return Optional.empty();
        }
        return Optional.of(new StaffMember(login, login, List.of(role.equals("tech") ? "technician" : role), null,
                List.of()));
    }
}
