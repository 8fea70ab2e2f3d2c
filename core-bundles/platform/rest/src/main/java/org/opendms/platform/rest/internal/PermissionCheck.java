package org.opendms.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.security.Permissions;

/**
 * Whether the logged-in user may call the operation a request reaches: the permissions its resource method names
 * (any one will do) against the table. It runs in the login filter, right after login and before the body is read,
 * so a refused upload is never received; being part of that one extension, it never makes the whiteboard rebuild
 * /api. The services check the same table again, for the console and for rules that depend on the request (which QC
 * level, which status).
 */
final class PermissionCheck {

    private PermissionCheck() {
    }

    /** Why the actor is refused, or empty when the operation allows them (or is unknown: JAX-RS answers 404/405). */
    static Optional<List<Violation>> refusal(OperationCatalogue operations, Permissions permissions, String method,
            String path, Actor actor) {
        Optional<RestOperation> operation = operations.match(method, path);
        if (operation.isEmpty() || operation.get().permissions().isEmpty()) {
            return Optional.empty();
        }
        List<String> needed = operation.get().permissions();
        for (String permission : needed) {
            if (permissions.allows(actor, permission)) {
                return Optional.empty();
            }
        }
        List<Violation> refusals = new ArrayList<>();
        for (String permission : needed) {
            try {
                permissions.require(actor, permission);
            } catch (DmsException refused) {
                refusals.addAll(refused.violations());
            }
        }
        return Optional.of(refusals);
    }
}
