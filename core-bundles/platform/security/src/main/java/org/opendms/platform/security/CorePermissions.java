package org.opendms.platform.security;

import static org.opendms.platform.api.Roles.ADMIN;
import static org.opendms.platform.api.Roles.ADVISOR;
import static org.opendms.platform.api.Roles.CASHIER;
import static org.opendms.platform.api.Roles.MANAGER;
import static org.opendms.platform.api.Roles.TECHNICIAN;

import java.util.List;

import org.opendms.platform.api.Roles;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;

/**
 * THE role policy of core: every permission that core's services and REST resources name, with the roles that have
 * it. Plugins add theirs through {@link PermissionSet}; the README's "Who may do what" matrix is this table (the
 * role-matrix integration test fails when they differ).
 */
public final class CorePermissions implements PermissionSet {

    /** Every logged-in shop role. */
    private static final List<String> EVERYONE = Roles.ALL;
    /** The front desk: service advisors and the managers above them. */
    private static final List<String> FRONT_DESK = List.of(ADMIN, MANAGER, ADVISOR);
    private static final List<String> MANAGEMENT = List.of(ADMIN, MANAGER);
    private static final List<String> ADMINS = List.of(ADMIN);

    private static final List<Permission> TABLE = List.of(
            p("platform.permissions.read", "查看权限表", "read the permission table", EVERYONE),

            p("customer.read", "查看客户", "read customers", EVERYONE),
            p("customer.create", "新建客户", "create customers", FRONT_DESK),
            p("customer.update", "修改客户", "change customers", FRONT_DESK),
            // to call them, to settle a bill
            p("customer.mobile.reveal", "查看客户完整手机号", "see a customer's full mobile", List.of(ADMIN, MANAGER, ADVISOR, CASHIER)),
            p("customer.access-log.read", "查看个人信息访问记录", "read the personal-data access log", MANAGEMENT),

            p("vehicle.read", "查看车辆", "read vehicles", EVERYONE),
            p("vehicle.create", "登记车辆", "register vehicles", FRONT_DESK),
            p("vehicle.update", "修改车辆", "change vehicles", FRONT_DESK),
            // the technician reads the odometer in the workshop
            p("vehicle.odometer.record", "登记里程", "record odometer readings", List.of(ADMIN, MANAGER, ADVISOR, TECHNICIAN)),

            p("appointment.read", "查看预约", "read appointments", EVERYONE),
            p("appointment.book", "预约", "book appointments", FRONT_DESK),
            p("appointment.arrive", "登记到店", "record arrivals", FRONT_DESK),
            p("appointment.no-show", "登记爽约", "record no-shows", FRONT_DESK),
            p("appointment.cancel", "取消预约", "cancel appointments", FRONT_DESK),

            p("plugin.read", "查看插件", "see plugins", ADMINS),
            p("plugin.enable", "启用插件", "enable plugins", ADMINS),
            p("plugin.disable", "停用插件", "disable plugins", ADMINS),
            p("plugin.update", "更新插件", "update plugins", ADMINS),
            p("plugin.add", "添加插件", "add plugins", ADMINS),
            p("plugin.remove", "移除插件", "remove plugins", ADMINS),
            p("plugin.operations.read", "查看插件操作记录", "see plugin operations", ADMINS));

    @Override
    public List<Permission> permissions() {
        return TABLE;
    }

    private static Permission p(String name, String zh, String en, List<String> roles) {
        return new Permission(name, zh, en, roles);
    }
}
