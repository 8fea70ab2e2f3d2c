package org.opendms.platform.jetty.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Jetty's answers under {@code /api} as problem+json. A Jetty request customizer, not a handler: Pax Web 8 adds a
 * customizer to its running server as it is, while a Jetty handler service makes it stop and rebuild the whole server
 * and every REST application on it (a second or more of every start, and a window in which the JAX-RS whiteboard was
 * seen to fail for good).
 * <p>
 * The customizer runs for every request Jetty has read, before any context: a path under /api that Jetty lets through
 * but that is ambiguous (an encoded slash, a dot segment) is answered here. It also puts
 * {@link JettyProblemErrorHandler}
 * in as its server's error handler the first time it sees that server, for the requests Jetty refuses while reading
 * them (a NUL in the path): until a first request has been read after a start, Jetty answers those itself.
 */
@Component(service = HttpConfiguration.Customizer.class)
public final class JettyErrorAnswers implements HttpConfiguration.Customizer {

    /** Servers given our error handler, to give them Jetty's back when this bundle stops. */
    private final Set<Server> servers = Collections.newSetFromMap(new WeakHashMap<>());

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        Server server = connector.getServer();
        if (server != null && !(server.getErrorHandler() instanceof JettyProblemErrorHandler)) {
            install(server);
        }
        if (ambiguousUnderApi(request)) {
            refuse(request);
        }
    }

    private synchronized void install(Server server) {
        if (!(server.getErrorHandler() instanceof JettyProblemErrorHandler)) {
            ErrorHandler errors = new JettyProblemErrorHandler();
            // given its server first: a server that is running starts it when set, and it then takes no new server
            errors.setServer(server);
            server.setErrorHandler(errors);
            servers.add(server);
        }
    }

    /**
     * Decoded, such a path may lead out of /api into another context, whose own error page is HTML. Every other
     * request goes on untouched.
     */
    static boolean ambiguousUnderApi(Request request) {
        HttpURI uri = request.getHttpURI();
        if (uri == null || !JettyProblemErrorHandler.underApi(uri.getPath())) {
            return false;
        }
        String decoded = uri.getDecodedPath();
        return uri.isAmbiguous() || decoded == null || !JettyProblemErrorHandler.underApi(decoded)
                || !JettyProblemErrorHandler.underApi(request.getPathInfo());
    }

    private static void refuse(Request request) {
        byte[] body = JettyProblemErrorHandler.body(400,
                JettyProblemErrorHandler.locale(request.getHeader("Accept-Language")));
        Response response = request.getResponse();
        response.setStatus(400);
        response.setContentType(JettyProblemErrorHandler.PROBLEM_JSON + ";charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Jetty then passes the request to no context
        request.setHandled(true);
    }

    /** Jetty's plain error handler again, so no class of a stopped bundle stays in a server. */
    @Deactivate
    synchronized void deactivate() {
        for (Server server : new ArrayList<>(servers)) {
            if (server.getErrorHandler() instanceof JettyProblemErrorHandler) {
                ErrorHandler plain = new ErrorHandler();
                plain.setServer(server);
                server.setErrorHandler(plain);
            }
        }
        servers.clear();
    }
}
