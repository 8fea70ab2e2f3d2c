package org.opendms.platform.rest.api;

/**
 * Wiring for resources under {@code /api}. A resource component selects the platform's extensions so that
 * it is only published once login, JSON and error mapping are in place:
 *
 * <pre>
 * &#64;Component(service = MyResource.class, scope = ServiceScope.PROTOTYPE)
 * &#64;JaxrsResource
 * &#64;JaxrsExtensionSelect({DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS})
 * </pre>
 *
 * A plugin's resources are not whiteboard resources: see {@link PluginResource}.
 *
 * A bundle with resources names its OpenAPI fragment in the {@value #OPENAPI_HEADER} header; the platform
 * merges the fragments of active bundles into {@code /api/openapi.json} (a plugin's paths under its id).
 */
public final class DmsRest {
    /** Selects the login filter (HTTP Basic against the Karaf JAAS realm). */
    public static final String SECURITY = "(osgi.jaxrs.name=dms.security)";
    /** Selects the strict JSON provider (unknown fields and duplicate keys refused). */
    public static final String JSON = "(osgi.jaxrs.name=dms.json)";
    /** Selects the mapper that answers every error as application/problem+json. */
    public static final String PROBLEMS = "(osgi.jaxrs.name=dms.problems)";
    /** Manifest header naming a bundle's OpenAPI fragment (JSON). */
    public static final String OPENAPI_HEADER = "DMS-OpenAPI";
    /** Media type of error responses. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private DmsRest() {
    }
}
