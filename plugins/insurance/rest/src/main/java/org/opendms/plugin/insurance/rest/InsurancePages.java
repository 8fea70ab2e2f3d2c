package org.opendms.plugin.insurance.rest;

import java.util.List;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.platform.api.web.WebPage;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's pages in the staff web app: the policies of a vehicle and the renewal list, ES modules under
 * {@code web/} of this bundle. They come and go with the plugin.
 */
@Component
public class InsurancePages implements WebExtension {

    /** After core's archive (70), before settings (90). */
    static final int ORDER = 75;

    @Override
    public List<WebPage> pages() {
        return List.of(
                WebPage.of("/insurance/policies", "policies.js", "车险保单", "Policies").icon("Umbrella")
                        .permission("insurance.policy.read").order(ORDER),
                WebPage.of("/insurance/renewals", "renewals.js", "续保名单", "Renewals").icon("Bell")
                        .permission("insurance.renewal.read").order(ORDER + 1));
    }

    @Override
    public String messages() {
        return "messages.json";
    }
}
