package org.opendms.platform.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.opendms.platform.rest.api.Problems;
import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.DmsRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Caps the size of every request body under /api before anything reads it: a declared Content-Length over the limit
 * is refused with 413 at once, and a body without one (chunked) is counted as it is read and cut off with 413 at the
 * limit, so an attacker's 20 MB never reaches the JSON parser or the heap. JSON bodies have a small limit, other
 * types (uploads) a larger one. Applied by the login filter after the caller's credentials and role passed: a caller
 * who may not send the request is refused without the body being read at all. Changing the configuration keeps this
 * service (and so /api) in place.
 * <p>
 * An answer to a request whose body was not read to the end (a refusal before reading, a body cut off at the limit)
 * closes the connection instead of reading the rest: left alone, CXF would read and discard up to 16 MB of it before
 * sending the answer, and wait for a client that announced 20 MB and sends nothing until the idle timeout.
 */
@Component(service = { BodyLimits.class, ContainerResponseFilter.class }, configurationPid = LimitsConfig.PID)
@Designate(ocd = LimitsConfig.class)
@JaxrsExtension
@JaxrsName("dms.limits")
public class BodyLimits implements ContainerResponseFilter {

    /** The code of the 413 refusal. */
    static final String CODE = "too_large";
    /** The field it names: the request body. */
    static final String FIELD = "body";

    private volatile long jsonMax = 1024 * 1024;
    private volatile long uploadMax = 32 * 1024 * 1024;

    public BodyLimits() {
        // defaults until configured (and for tests)
    }

    BodyLimits(long jsonMax, long uploadMax) {
        this.jsonMax = jsonMax;
        this.uploadMax = uploadMax;
    }

    @Activate
    @Modified
    void configure(LimitsConfig config) {
        jsonMax = Math.max(1024, config.jsonMaxBytes());
        uploadMax = Math.max(1024, config.uploadMaxBytes());
    }

    /** Refuses a declared body over the limit, or makes the body stream stop at the limit. */
    void apply(ContainerRequestContext request) {
        long max;
        try {
            max = limitFor(request.getMediaType());
        } catch (RuntimeException malformedContentType) {
            max = jsonMax; // refused later as an unsupported type; until then the small limit holds
        }
        long declared = declaredLength(request.getHeaderString("Content-Length"));
        if (declared > max) {
            request.abortWith(Response.status(413).type(DmsRest.PROBLEM_JSON).header("Connection", "close")
                    .entity(Problems.body(413, List.of(tooLarge(max)),
                            Problems.locale(request.getAcceptableLanguages())))
                    .build());
            return;
        }
        if (!hasBody(request)) {
            // nothing to drain before the answer: CXF would otherwise try, one more read of the socket per request
            forgetBodyStream();
            return;
        }
        InputStream body = request.getEntityStream();
        if (body != null) {
            request.setEntityStream(new Capped(body, max));
        }
    }

    /** Closes, rather than drains, a connection whose request body was not read to its end. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!hasBody(request) || request.getEntityStream() instanceof Capped capped && capped.ended) {
            return;
        }
        response.getHeaders().putSingle("Connection", "close");
        forgetBodyStream();
    }

    /** Takes away the request body stream CXF drains before it sends the answer. */
    private static void forgetBodyStream() {
        Message current = PhaseInterceptorChain.getCurrentMessage();
        Message in = current == null || current.getExchange() == null ? null : current.getExchange().getInMessage();
        if (in != null) {
            in.removeContent(DelegatingInputStream.class);
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return declaredLength(request.getHeaderString("Content-Length")) > 0
                || request.getHeaderString("Transfer-Encoding") != null;
    }

    /** The limit for a body of this type: JSON (or no type) the small one, anything else the upload one. */
    long limitFor(MediaType type) {
        if (type == null || "json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json")) {
            return jsonMax;
        }
        return uploadMax;
    }

    /** The Content-Length header as a number, -1 when absent; a malformed one counts as over every limit. */
    static long declaredLength(String header) {
        if (header == null || header.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static Violation tooLarge(long max) {
        String size = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max + " bytes";
        String sizeZh = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max + " 字节";
        return new Violation(FIELD, CODE, "请求内容不能超过 " + sizeZh + "（" + max + " 字节）",
                "the request body must be at most " + size + " (" + max + " bytes)");
    }

    /** Thrown by a capped body stream at the byte past its limit; answered 413 naming the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long max;

        TooLarge(long max) {
            super("request body over " + max + " bytes", null, false, false);
            this.max = max;
        }
    }

    /** A body stream that fails once more than {@code max} bytes have been read from it. */
    static final class Capped extends FilterInputStream {
        private final long max;
        private long read;
        /** Whether the body was read to its end. */
        volatile boolean ended;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            } else {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit, so the cut-off happens at the limit
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, max + 1 - read)));
            if (n > 0) {
                count(n);
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, Math.max(1, max + 1 - read)));
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }
}
