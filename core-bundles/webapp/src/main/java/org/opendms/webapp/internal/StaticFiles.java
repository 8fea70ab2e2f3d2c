package org.opendms.webapp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Answers GETs for the files of a bundle folder: the right type, gzip when the browser takes it (compressed once and
 * kept: the files never change while their bundle runs), and caching that suits versioned names — a file whose name
 * or folder carries its version is kept a year, anything else (the app's page) is asked for again every time so a new
 * build is seen at once.
 */
public final class StaticFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"), Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"), Map.entry("json", "application/json;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
            Map.entry("map", "application/json;charset=utf-8"), Map.entry("txt", "text/plain;charset=utf-8"));

    private final Function<String, URL> entries;
    private final Predicate<String> immutable;
    private final Map<String, byte[]> gzipped = new ConcurrentHashMap<>();

    /**
     * @param entries   the file of a path (starting with '/'), null when there is none
     * @param immutable which paths carry their version, so browsers may keep them for good
     */
    public StaticFiles(Function<String, URL> entries, Predicate<String> immutable) {
        this.entries = entries;
        this.immutable = immutable;
    }

    /** @param cacheable false when the address is outdated: the file is sent but must be asked for again */
    public void serve(String path, boolean cacheable, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        URL url = path.contains("..") ? null : entries.apply(path);
        if (url == null || path.endsWith("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = typeOf(path);
        response.setContentType(type);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // the app is never shown inside another site's frame, and our addresses (with ids) never leave as referrer
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control",
                cacheable && immutable.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
        boolean compress = compressible(type) && accepts(request, "gzip");
        byte[] body = compress ? gzipped.computeIfAbsent(path, p -> gzip(url)) : read(url);
        if (compress) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setHeader("Vary", "Accept-Encoding");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    public boolean exists(String path) {
        return !path.contains("..") && entries.apply(path) != null;
    }

    static String typeOf(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
    }

    private static boolean accepts(HttpServletRequest request, String encoding) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase().contains(encoding);
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
    }

    private static byte[] gzip(URL url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(read(url));
        } catch (IOException e) {
            throw new IllegalStateException("cannot compress " + url, e);
        }
        return bytes.toByteArray();
    }
}
