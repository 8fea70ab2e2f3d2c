package org.opendms.plugin.membership.impl;

import static org.opendms.platform.api.Roles.ADMIN;
import static org.opendms.platform.api.Roles.ADVISOR;
import static org.opendms.platform.api.Roles.CASHIER;
import static org.opendms.platform.api.Roles.MANAGER;

import java.util.List;

import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The plugin's rows of the platform's permission table, with the roles a shop starts with. */
@Component(service = PermissionSet.class, property = MembershipPermissions.PROPERTY + "=membership")
public class MembershipPermissions implements PermissionSet {

    static final String PROPERTY = "dms.permissions";

    static final String MEMBER_READ = "membership.member.read";
    static final String MEMBER_JOIN = "membership.member.join";
    static final String TOP_UP = "membership.topup";
    static final String PAY = "membership.pay";
    static final String REFUND = "membership.refund";
    static final String ADJUST = "membership.adjust";
    static final String REPORT_READ = "membership.report.read";
    static final String RULES_EDIT = "membership.rules.edit";
    static final String CARD_SELL = "membership.card.sell";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(MEMBER_READ, "查看会员和余额", "read members and their balances",
                        List.of(ADMIN, MANAGER, ADVISOR, CASHIER)),
                new Permission(MEMBER_JOIN, "办理入会、设置密码", "enrol members, set their PIN",
                        List.of(ADMIN, MANAGER, ADVISOR, CASHIER)),
                new Permission(TOP_UP, "储值充值", "sell top-ups", List.of(ADMIN, MANAGER, CASHIER)),
                new Permission(PAY, "储值付款授权", "take stored value as payment", List.of(ADMIN, MANAGER, CASHIER)),
                new Permission(REFUND, "储值退款", "refund unused stored value", List.of(ADMIN, MANAGER)),
                new Permission(ADJUST, "储值调整", "adjust stored value by hand", List.of(ADMIN, MANAGER)),
                new Permission(REPORT_READ, "会员报表（储值负债）", "membership reports (stored-value liability)",
                        List.of(ADMIN, MANAGER)),
                new Permission(RULES_EDIT, "设置次卡套餐等会员规则", "set membership rules (count card products)",
                        List.of(ADMIN, MANAGER)),
                new Permission(CARD_SELL, "销售次卡/套餐卡", "sell count cards and packages",
                        List.of(ADMIN, MANAGER, CASHIER)));
    }
}
