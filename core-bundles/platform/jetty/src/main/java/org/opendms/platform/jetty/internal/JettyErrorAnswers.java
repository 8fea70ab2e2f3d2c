package org.opendms.platform.jetty.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Puts {@link JettyProblemErrorHandler} in as the Jetty server's error handler. Pax Web 8 adds every OSGi service of
 * type Jetty {@link Handler} to its server (and gives it the server); this handler takes no request itself. Jetty
 * refuses some requests (a NUL or an encoded slash in the path) before any servlet or filter runs, so only the server's
 * error handler can answer them, and Pax Web's own configuration (jetty.xml) cannot load a class of ours.
 */
@Component(service = Handler.class, property = "service.ranking:Integer=1")
public final class JettyErrorAnswers extends AbstractHandler {

    private volatile Server server;

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        if (server != null && !(server.getErrorHandler() instanceof JettyProblemErrorHandler)) {
            ErrorHandler errors = new JettyProblemErrorHandler();
            // given its server first: a server that is starting starts it when set, and it then takes no new server
            errors.setServer(server);
            server.setErrorHandler(errors);
        }
        this.server = server;
    }

    /**
     * Runs before every context (service ranking above 0). A path under /api that Jetty lets through but that is
     * ambiguous (an encoded slash, a dot segment) is answered here as 400 problem+json: decoded, it may lead out of
     * /api into another context, whose own error page is HTML. Every other request goes on untouched.
     */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpURI uri = baseRequest.getHttpURI();
        if (uri == null || !JettyProblemErrorHandler.underApi(uri.getPath())) {
            return;
        }
        String decoded = uri.getDecodedPath();
        if (uri.isAmbiguous() || decoded == null || !JettyProblemErrorHandler.underApi(decoded)
                || !JettyProblemErrorHandler.underApi(target)) {
            baseRequest.setHandled(true);
            byte[] body = JettyProblemErrorHandler.body(400,
                    JettyProblemErrorHandler.locale(request.getHeader("Accept-Language")));
            response.setStatus(400);
            response.setContentType(JettyProblemErrorHandler.PROBLEM_JSON + ";charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Jetty's plain handler again, so no class of a stopped bundle stays in the server. */
    @Deactivate
    void deactivate() {
        Server s = server;
        if (s != null && s.getErrorHandler() instanceof JettyProblemErrorHandler) {
            s.setErrorHandler(new ErrorHandler());
        }
    }
}
