package org.opendms.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opendms.platform.rest.api.DmsRest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The OpenAPI 3 document of /api. Each REST bundle carries a fragment generated at build time from its JAX-RS
 * annotations; this merges the fragments of the bundles that are active now, so a plugin's endpoints appear while
 * it runs and vanish when it stops.
 */
@Component(service = OpenApiResource.class, immediate = true)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.JSON, DmsRest.PROBLEMS })
@Path("openapi.json")
@Hidden
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Bundle, JsonNode> fragments = new ConcurrentHashMap<>();
    private volatile ObjectNode merged;
    private BundleTracker<Bundle> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String path = bundle.getHeaders("").get(DmsRest.OPENAPI_HEADER);
                if (path == null) {
                    return null;
                }
                URL url = bundle.getEntry(path.trim());
                if (url == null) {
                    LOG.warn("{} names OpenAPI fragment {} but does not contain it", bundle.getSymbolicName(), path);
                    return null;
                }
                try (InputStream in = url.openStream()) {
                    fragments.put(bundle, mapper.readTree(in));
                    merged = null;
                } catch (IOException e) {
                    LOG.warn("OpenAPI fragment {} of {} is unreadable: {}", path, bundle.getSymbolicName(),
                            e.getMessage());
                    return null;
                }
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                fragments.remove(bundle);
                merged = null;
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode document() {
        ObjectNode doc = merged;
        if (doc == null) {
            doc = merge();
            merged = doc;
        }
        return doc;
    }

    private ObjectNode merge() {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.1");
        ObjectNode info = doc.putObject("info");
        info.put("title", "OpenDMS API");
        info.put("description", "汽车经销商与维修厂管理系统接口 Dealer management system API. "
                + "Errors are application/problem+json; Accept-Language: en gives English messages.");
        info.put("version", "1");
        doc.putArray("servers").addObject().put("url", "/api");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = mapper.createObjectNode();
        ArrayNode tags = mapper.createArrayNode();
        fragments.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().getSymbolicName()))
                .forEach(e -> {
                    JsonNode fragment = e.getValue();
                    // a plugin's resources are relative to its application at /api/<plugin id>
                    String plugin = e.getKey().getHeaders("").get("DMS-Plugin");
                    String prefix = plugin == null ? "" : "/" + plugin.trim();
                    for (Iterator<Map.Entry<String, JsonNode>> it = fragment.path("paths").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> path = it.next();
                        paths.set(prefix + path.getKey(), path.getValue());
                    }
                    copyFields(fragment.path("components").path("schemas"), schemas);
                    for (JsonNode tag : fragment.path("tags")) {
                        tags.add(tag);
                    }
                });
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas);
        ObjectNode basic = components.putObject("securitySchemes").putObject("basicAuth");
        basic.put("type", "http");
        basic.put("scheme", "basic");
        doc.putArray("security").addObject().putArray("basicAuth");
        if (!tags.isEmpty()) {
            doc.set("tags", tags);
        }
        return doc;
    }

    private static void copyFields(JsonNode from, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            to.set(field.getKey(), field.getValue());
        }
    }
}
