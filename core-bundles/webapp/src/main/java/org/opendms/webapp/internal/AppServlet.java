package org.opendms.webapp.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the staff web app from this bundle's {@code webapp/} folder at the root of the web server. Every path that
 * is not a file of the app (a client route such as {@code /desk} or {@code /work-orders/42}) gets {@code index.html},
 * so a bookmarked or reloaded page opens; {@code /api} is CXF's and never reaches here (a longer servlet pattern wins).
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=dms-webapp" })
public class AppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "webapp";

    private transient StaticFiles files;

    @Activate
    void activate(BundleContext context) {
        Bundle bundle = context.getBundle();
        // Vite's hashed files and the vendor libraries (version in the name); never index.html
        files = new StaticFiles(path -> bundle.getEntry(ROOT + path),
                path -> path.startsWith("/assets/") || path.startsWith("/vendor/"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath()
                + request.getPathInfo();
        if (ClientRoutes.isFolder(path) && files.exists(path + "/index.html")) {
            // a page of its own beside the app (the API docs): its relative links need the slash
            response.sendRedirect(path + "/");
            return;
        }
        String file = path.endsWith("/") && files.exists(path + "index.html") ? path + "index.html"
                : ClientRoutes.fileFor(path);
        files.serve(file, true, request, response);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

}
