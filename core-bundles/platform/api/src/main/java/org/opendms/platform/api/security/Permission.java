package org.opendms.platform.api.security;

import java.util.List;
import java.util.Objects;

import org.opendms.platform.api.Actor;

/**
 * One row of the permission table: what it lets a user do, in Chinese and English (phrased to follow "may", e.g.
 * 新建客户 / create customers), and the shop roles that have it.
 *
 * @param name    dotted, lower case, starting with the domain or the plugin id, e.g. {@code customer.mobile.reveal}
 * @param labelZh what it allows, e.g. 查看客户完整手机号
 * @param labelEn the same in English, e.g. see a customer's full mobile
 * @param roles   the roles (see {@link org.opendms.platform.api.Roles}) that have it, in the order messages list them
 */
public record Permission(String name, String labelZh, String labelEn, List<String> roles) {

    private static final String NAME = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+";

    public Permission {
        Objects.requireNonNull(name, "name");
        if (!name.matches(NAME)) {
            throw new IllegalArgumentException(
                    "permission name " + name + " is not dotted lower case, e.g. customer.create");
        }
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
        roles = List.copyOf(roles);
    }

    /** True when the actor has one of this permission's roles. */
    public boolean grantedTo(Actor actor) {
        return actor != null && roles.stream().anyMatch(actor.roles()::contains);
    }
}
