package org.opendms.platform.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Permissions a plugin brings, registered as a service while the plugin runs. Their names start with the plugin's
 * id ({@code insurance.policy.create}); a name that core or another plugin already has is ignored and logged.
 * The roles given here are the plugin's defaults.
 *
 * <pre>
 * &#64;Component(service = PermissionSet.class)
 * public class InsurancePermissions implements PermissionSet { … }
 * </pre>
 */
@ConsumerType
public interface PermissionSet {

    List<Permission> permissions();
}
