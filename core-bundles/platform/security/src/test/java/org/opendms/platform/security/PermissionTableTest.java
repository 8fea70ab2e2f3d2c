package org.opendms.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;

class PermissionTableTest {

    private static Actor as(String role) {
        return new Actor(role, Set.of(role), Channel.REST);
    }

    @Test
    void refusalNamesWhatThePermissionAndTheRolesThatHaveIt() {
        DmsException refused = assertThrows(DmsException.class,
                () -> PermissionTable.of().require(as(Roles.CASHIER), "customer.create"));
        assertEquals(DmsException.Kind.FORBIDDEN, refused.kind());
        assertEquals("您的角色不能新建客户（权限 customer.create，需要 admin/manager/advisor）",
                refused.violations().get(0).message(Locale.SIMPLIFIED_CHINESE));
        assertEquals("your role may not create customers (permission customer.create, needs admin/manager/advisor)",
                refused.violations().get(0).message(Locale.ENGLISH));
    }

    @Test
    void aRoleInTheRowMayAndNoActorMayNot() {
        PermissionTable.of().require(as(Roles.CASHIER), "customer.mobile.reveal");
        assertTrue(PermissionTable.of().allows(as(Roles.TECHNICIAN), "vehicle.odometer.record"));
        assertFalse(PermissionTable.of().allows(null, "customer.read"));
        assertThrows(DmsException.class, () -> PermissionTable.of().require(null, "customer.read"));
    }

    @Test
    void anUnknownPermissionIsRefusedEvenToTheAdmin() {
        assertFalse(PermissionTable.of().allows(as(Roles.ADMIN), "nobody.knows"));
        DmsException refused = assertThrows(DmsException.class,
                () -> PermissionTable.of().require(as(Roles.ADMIN), "nobody.knows"));
        assertEquals(DmsException.Kind.FORBIDDEN, refused.kind());
    }

    @Test
    void aPluginsPermissionsComeAndGoWithItAndCannotOverrideCore() {
        PermissionSet plugin = () -> List.of(
                new Permission("notes.write", "写备注", "write notes", List.of(Roles.TECHNICIAN)),
                new Permission("customer.create", "新建客户", "create customers", List.of(Roles.TECHNICIAN)));
        PermissionTable table = (PermissionTable) PermissionTable.of(plugin);
        assertTrue(table.allows(as(Roles.TECHNICIAN), "notes.write"));
        assertFalse(table.allows(as(Roles.TECHNICIAN), "customer.create"), "core's row stays");
        assertEquals("notes.write", table.all().get(table.all().size() - 1).name());
        table.removePlugin(plugin);
        assertFalse(table.allows(as(Roles.TECHNICIAN), "notes.write"));
    }

    @Test
    void aPermissionNameIsDottedLowerCase() {
        assertThrows(IllegalArgumentException.class, () -> new Permission("CreateCustomer", "x", "x", List.of()));
    }
}
