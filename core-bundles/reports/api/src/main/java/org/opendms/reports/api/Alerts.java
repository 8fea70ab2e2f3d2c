package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Alerts on the shop's weeks: the rules (kept by the manager, permission {@code report.alerts.edit}) are checked every
 * hour against the last full week (Monday to Sunday) and on demand; a rule that fires is recorded once for that week,
 * shown on the dashboard and told to {@link org.opendms.reports.api.event.ReportsListener#alertRaised} (the SMS
 * plugin, later).
 */
@ProviderType
public interface Alerts {

    List<AlertRule> rules(Actor actor);

    /**
     * @throws DmsException NOT_FOUND {@code code}; INVALID_INPUT {@code threshold} not between 0 and 1
     */
    AlertRule change(String code, boolean enabled, BigDecimal threshold, Actor actor);

    /**
     * Checks the week before the one holding {@code asOf} (permission {@code report.read}).
     *
     * @return the alerts raised now (a week already alerted for a rule is not raised again)
     */
    List<Alert> check(LocalDate asOf, Actor actor);

    /** The alerts of weeks overlapping the period, newest first. */
    List<Alert> list(Period period, Actor actor);
}
