package org.opendms.printing.impl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import javax.management.JMException;
import javax.management.ObjectName;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.opendms.platform.api.DmsException;

/**
 * The CJK TrueType font the sheets print in, parsed once (in the background when the machine is quiet a minute or
 * more after start, or by the first print if that comes sooner; never during start-up: parsing the 5 MB WenQuanYi
 * collection takes a while) and kept;
 * each PDF embeds the subset of glyphs it uses. FontBox reads glyphs
 * lazily from the shared file, so documents are written one at a time ({@link #LOCK}).
 */
final class CjkFont {

    /** Debian's fonts-wqy-microhei (what .ci/run installs) first, then other systems' own CJK TrueType fonts. */
    static final List<String> FONT_PATHS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/PingFang.ttc", "/Library/Fonts/Arial Unicode.ttf");

    static final Object LOCK = new Object();

    /** The warm-up waits for the machine's CPUs to be this idle (share busy, 0-1) for this many seconds in a row. */
    static final double QUIET_LOAD = 0.3;
    static final int QUIET_SECONDS = 3;

    private static volatile TrueTypeFont font;

    private CjkFont() {
    }

    /** The font loaded into {@code doc} as a subset; call while holding {@link #LOCK}. */
    static PDType0Font load(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, font(), true);
    }

    /**
     * Parses the font on a background thread of low priority after {@code delay}, once the machine is quiet, so that
     * neither the platform's start, nor the desk's requests, nor the first cashier's print pays for it (about a second
     * of CPU, and 27 MB that stay: promoted in one young collection of 50-80 ms in the middle of the desk's first
     * minute of load). A machine that is never quiet leaves the parse to the first print. A missing font is left for
     * the first print to report. Returns the thread, to be stopped with {@link #stopWarmUp(Thread)} when the bundle
     * stops.
     */
    static Thread warmUpLater(java.time.Duration delay) {
        return warmUpLater(delay, CjkFont::machineLoad);
    }

    /** As {@link #warmUpLater(java.time.Duration)}, with the machine's CPU load (0-1, negative if unknown) given. */
    static Thread warmUpLater(java.time.Duration delay, DoubleSupplier machineLoad) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                waitUntilQuiet(machineLoad);
                synchronized (LOCK) {
                    try (PDDocument doc = new PDDocument()) {
                        load(doc); // also loads PDFBox's font classes
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                // no font or an unreadable one: the first print refuses with the reason
            }
        }, "dms-print-font-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Until the machine has been under {@link #QUIET_LOAD} for {@link #QUIET_SECONDS}, or a print parsed the font. */
    private static void waitUntilQuiet(DoubleSupplier machineLoad) throws InterruptedException {
        int quiet = 0;
        while (quiet < QUIET_SECONDS && font == null) {
            Thread.sleep(1000);
            double load = machineLoad.getAsDouble();
            quiet = load < QUIET_LOAD ? quiet + 1 : 0; // unknown (negative) counts as quiet
        }
    }

    /**
     * The whole machine's recent CPU load, 0-1, through JMX (no import of {@code com.sun.management} needed); -1 when
     * the JVM does not tell.
     */
    static double machineLoad() {
        try {
            Object load = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "CpuLoad");
            return load instanceof Double d && !d.isNaN() ? d : -1;
        } catch (JMException | RuntimeException unknown) {
            return -1;
        }
    }

    static void stopWarmUp(Thread t) {
        if (t != null) {
            t.interrupt();
        }
    }

    /** Whether the font has been parsed (by a print or the warm-up). */
    static boolean parsed() {
        return font != null;
    }

    /** Tests only: the state before any print, so a warm-up can be watched. */
    static void forget() {
        synchronized (LOCK) {
            font = null;
        }
    }

    private static TrueTypeFont font() {
        TrueTypeFont f = font;
        if (f == null) {
            synchronized (CjkFont.class) {
                if (font == null) {
                    font = read(find());
                }
                f = font;
            }
        }
        return f;
    }

    /** The configured font ({@code -Ddms.print.font=…}) or the first of {@link #FONT_PATHS} found. */
    static File find() {
        List<String> paths = new ArrayList<>();
        String configured = System.getProperty("dms.print.font");
        if (configured != null && !configured.isBlank()) {
            paths.add(configured.strip());
        }
        paths.addAll(FONT_PATHS);
        for (String path : paths) {
            File f = new File(path);
            if (f.isFile() && f.canRead()) {
                return f;
            }
        }
        // Chinese sheets without Chinese are worse than none: say what to install
        throw DmsException.conflict("font", "print.no_font",
                "服务器未安装中文 TrueType 字体（请安装 fonts-wqy-microhei 或设置 -Ddms.print.font）",
                "no CJK TrueType font on the server (install fonts-wqy-microhei or set -Ddms.print.font)");
    }

    private static TrueTypeFont read(File file) {
        try {
            if (file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                // kept open on purpose: the font's glyphs are read from it for as long as the platform runs
                TrueTypeCollection collection = new TrueTypeCollection(file);
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                return first[0];
            }
            return new org.apache.fontbox.ttf.TTFParser()
                    .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the font " + file, e);
        }
    }
}
