package org.opendms.plugin.membership.rest;

import java.util.List;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.platform.api.web.WebPage;
import org.osgi.service.component.annotations.Component;

/** The plugin's page in the staff web app (members and stored value); it comes and goes with the plugin. */
@Component
public class MembershipPages implements WebExtension {

    /** After the insurance pages (75). */
    static final int ORDER = 77;

    @Override
    public List<WebPage> pages() {
        return List.of(WebPage.of("/membership/members", "members.js", "会员储值", "Members").icon("Wallet")
                .permission("membership.member.read").order(ORDER));
    }

    @Override
    public String messages() {
        return "messages.json";
    }
}
