package org.opendms.webapp.extension;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Serves the files of plugin pages from their own bundles: {@code /ext/<plugin>/<bundle version>/<file>}. A plugin
 * that is not running has no files here (404), so a stopped plugin's page cannot load half of itself.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/ext/*",
        "osgi.http.whiteboard.servlet.name=dms-web-extensions" })
public class ExtensionFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient WebExtensions extensions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/", 4);
        // "", plugin, version, file
        if (parts.length < 4 || parts[3].isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Contribution c = extensions.of(parts[1]).orElse(null);
        if (c == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "plugin " + parts[1] + " has no pages running");
            return;
        }
        // an old version's address gets today's file, but must not be kept under that address
        boolean current = c.version().equals(parts[2]);
        c.files().serve("/" + parts[3], current, request, response);
    }
}
