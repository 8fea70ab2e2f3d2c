package org.opendms.customer.api;

import java.util.EnumSet;
import java.util.Set;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.security.Permissions;

/**
 * The customer fields not every role sees, each with the permission of the platform's table that shows it. Who has
 * which permission is the permission table ({@code customer.read.*}); a role without one sees the field as
 * {@code null} and its name in {@link Customer#masked()}. Every role sees the id, type, name, tags, the marketing
 * consent and who created or changed the record: enough for the workshop to know whose car it is.
 */
public enum CustomerField {
    /** The masked mobile (138****1234); the full number is {@link CustomerService#revealMobile} alone. */
    MOBILE("mobileMasked", "customer.read.contact"),
    WECHAT_ID("wechatId", "customer.read.contact"),
    ADDRESS("address", "customer.read.address"),
    NOTE("note", "customer.read.notes");

    private final String json;
    private final String permission;

    CustomerField(String json, String permission) {
        this.json = json;
        this.permission = permission;
    }

    /** The field's name in {@link Customer} and its JSON. */
    public String json() {
        return json;
    }

    /** The permission that shows it. */
    public String permission() {
        return permission;
    }

    /** The fields this actor may not see (all of them for no actor). */
    public static Set<CustomerField> hiddenFrom(Actor actor, Permissions permissions) {
        Set<CustomerField> hidden = EnumSet.noneOf(CustomerField.class);
        for (CustomerField f : values()) {
            if (!permissions.allows(actor, f.permission)) {
                hidden.add(f);
            }
        }
        return hidden;
    }
}
