package org.opendms.platform.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The shop's settings (hours, capacity, VAT, comeback and maintenance rules) read and changed over the configuration
 * the services already follow: a saved value is written to the same PIDs as etc/*.cfg, so the appointment book and
 * work orders pick it up as if the admin had edited the file.
 */
@Component(service = ShopSettingsResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("shop-settings")
@Tag(name = "平台 Platform")
public class ShopSettingsResource {

    static final String APPOINTMENT = "org.opendms.appointment";
    static final String WORKORDER = "org.opendms.workorder";

    @Reference
    ConfigurationAdmin configurations;

    // the trail lives in a bundle with a database; the settings stay readable and changeable without it
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditTrail audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("shop.settings.read")
    @Operation(summary = "店铺设置 The shop's settings (time zone, hours, capacity, VAT, comeback and maintenance rules)")
    public ShopSettingsForm read() throws IOException {
        return current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("shop.settings.edit")
    @Operation(summary = "修改店铺设置 Change the shop's settings (all fields; the version read; nothing saved when a field is refused)")
    public synchronized ShopSettingsForm change(ShopSettingsForm form, @Context SecurityContext security)
            throws IOException {
        if (form == null) {
            throw DmsException.invalid("", "required", "请提交店铺设置", "the settings are required");
        }
        ShopSettingsForm before = current();
        form.check(before.timeZone());
        if (!before.version().equals(form.version())) {
            throw new DmsException(DmsException.Kind.CONFLICT, java.util.List.of(new Violation("version",
                    StaleVersion.CODE, "店铺设置已被他人修改，请刷新后再改", "someone changed the shop settings meanwhile; reload")));
        }
        update(APPOINTMENT, d -> {
            d.put("opens", form.opens().strip());
            d.put("closes", form.closes().strip());
            d.put("slotMinutes", form.slotMinutes());
            d.put("bays", form.bays());
            d.put("technicians", form.technicians());
            return d;
        });
        update(WORKORDER, d -> {
            d.put("vatRate", form.vatRate().stripTrailingZeros().toPlainString());
            d.put("comebackDays", form.comebackDays());
            d.put("comebackKm", form.comebackKm());
            d.put("maintenanceIntervalKm", form.maintenanceIntervalKm());
            d.put("maintenanceIntervalMonths", form.maintenanceIntervalMonths());
            d.put("dueSoonDays", form.dueSoonDays());
            return d;
        });
        ShopSettingsForm after = current();
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(RestActor.from(security), "shop-settings", "shop", before, after);
        }
        return after;
    }

    private ShopSettingsForm current() throws IOException {
        Dictionary<String, Object> shop = properties("org.opendms.shop");
        Dictionary<String, Object> a = properties(APPOINTMENT);
        Dictionary<String, Object> w = properties(WORKORDER);
        return new ShopSettingsForm(null, text(shop, "timeZone", "Asia/Shanghai"), text(a, "opens", "08:30"),
                text(a, "closes", "17:30"), number(a, "slotMinutes", 60), number(a, "bays", 6),
                number(a, "technicians", 8), new BigDecimal(text(w, "vatRate", "0.13")),
                number(w, "comebackDays", 30), number(w, "comebackKm", 3000), number(w, "maintenanceIntervalKm", 5000),
                number(w, "maintenanceIntervalMonths", 6), number(w, "dueSoonDays", 30)).versioned();
    }

    private void update(String pid, Function<Dictionary<String, Object>, Dictionary<String, Object>> change)
            throws IOException {
        Configuration c = configurations.getConfiguration(pid, "?");
        Dictionary<String, Object> d = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        c.update(change.apply(d));
    }

    private Dictionary<String, Object> properties(String pid) throws IOException {
        Dictionary<String, Object> d = configurations.getConfiguration(pid, "?").getProperties();
        return d == null ? new Hashtable<>() : d;
    }

    private static String text(Dictionary<String, Object> d, String key, String fallback) {
        Object v = d.get(key);
        return v == null ? fallback : String.valueOf(v).strip();
    }

    private static Integer number(Dictionary<String, Object> d, String key, int fallback) {
        try {
            return Integer.valueOf(text(d, key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
