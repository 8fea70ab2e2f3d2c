package org.opendms.platform.rest.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's REST resource. Write an ordinary JAX-RS class whose class-level {@code @Path} is one segment, and
 * register it as a DS component of this type (not as a JAX-RS whiteboard resource):
 *
 * <pre>
 * &#64;Component(service = PluginResource.class)
 * &#64;Path("policies")
 * public class PolicyResource implements PluginResource { &#64;GET &#64;Path("{id}") … }
 * </pre>
 *
 * The platform serves it at {@code /api/<plugin id>/policies/…}, the plugin id coming from the bundle's
 * {@code DMS-Plugin} header, with the same login, JSON and problem+json handling as core. Why not the whiteboard:
 * each whiteboard resource that comes or goes rebuilds the whole /api application, and core endpoints answered 404
 * for a moment whenever a plugin was enabled, disabled or updated; a separate JAX-RS application per plugin took
 * /api over altogether. Plugin resources are looked up per request instead, so core never notices them coming and
 * going.
 */
@ConsumerType
public interface PluginResource {
}
