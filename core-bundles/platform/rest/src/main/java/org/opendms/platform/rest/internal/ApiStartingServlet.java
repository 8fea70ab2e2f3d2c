package org.opendms.platform.rest.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Problems;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers under {@code /api} while the REST application is not published: while the core starts ({@link ApiGate})
 * and while the platform stops. Without it the web app, which answers every other path of the root with its page,
 * answered {@code /api/health} with 200 and HTML: a monitor or a client waiting for the platform took that for an
 * answer. Here {@code /api/health} says STARTING as the health resource does (DOWN while the platform stops), and
 * every other path a 503 problem with a Retry-After. Once the application is published its own context ({@code /api})
 * wins over this servlet of the root context.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=dms-api-starting" })
public class ApiStartingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private transient BundleContext context;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds a client should wait before asking again: a restart takes about ten. */
    static final String RETRY_AFTER = "5";

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding("UTF-8");
        Object body;
        boolean stopping = stopping();
        if ("/health".equals(request.getPathInfo())) {
            response.setContentType("application/json");
            body = Map.of("status", stopping ? "DOWN" : "STARTING");
        } else {
            response.setContentType(DmsRest.PROBLEM_JSON);
            Violation why = stopping
                    ? new Violation("", "stopping", "平台正在停止", "the platform is stopping")
                    : new Violation("", "starting", "平台正在启动，请稍后再试",
                            "the platform is starting; try again in a few seconds");
            body = Problems.body(HttpServletResponse.SC_SERVICE_UNAVAILABLE, List.of(why),
                    Problems.locale(request.getHeader("Accept-Language") == null ? List.of()
                            : Collections.list(request.getLocales())));
        }
        JSON.writeValue(response.getOutputStream(), body);
    }

    private boolean stopping() {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        return framework == null || framework.getState() == Bundle.STOPPING;
    }
}
