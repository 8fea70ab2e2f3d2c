package org.opendms.platform.console.api;

import java.io.PrintStream;

/**
 * Text as a terminal may show it. What staff or customers typed (a name, a note, a plate) reaches the console
 * through REST, and a terminal obeys escape codes in it: {@code ESC[2J} clears the admin's screen, others move the
 * cursor, rewrite earlier lines or change the window title; a right-to-left override reverses what follows. Every
 * control character (C0, DEL, C1), every invisible format character (bidi overrides and isolates, zero-width ones),
 * the line and paragraph separators and a lone surrogate are shown escaped instead: {@code \x1b}, {@code \n},
 * {@code \u202e}, {@code \ud800}; a backslash is doubled, so an escape shown is never text that was typed.
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    /** The value's text with everything a terminal would act on shown escaped; empty for null. */
    public static String safe(Object value) {
        String s = value == null ? "" : value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    && !isFormat(Character.toCodePoint(c, s.charAt(i + 1)))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++; // a valid pair (an emoji, a rare hanzi): kept
                continue;
            }
            String escaped = escape(c);
            if (escaped == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            out.append(escaped);
        }
        return out == null ? s : out.toString();
    }

    /** Null: keep the char; else the escape to show. */
    private static String escape(char c) {
        switch (c) {
        case '\n':
            return "\\n";
        case '\r':
            return "\\r";
        case '\t':
            return "\\t";
        case '\\':
            return "\\\\";
        default:
            break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return String.format("\\x%02x", (int) c);
        }
        if (Character.isSurrogate(c)) {
            return u(c); // half of a pair without its other half (or a format character outside the BMP)
        }
        return isFormat(c) ? u(c) : null;
    }

    private static boolean isFormat(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String u(char c) {
        return String.format("\\u%04x", (int) c);
    }

    /**
     * The stream a dms:* command prints to: {@code System.out} of the session, with every text printed through it
     * made {@link #safe} (numbers and the line ends of {@code println} and {@code %n} pass as they are).
     */
    public static PrintStream out() {
        PrintStream target = System.out;
        return target instanceof SafePrintStream ? target : new SafePrintStream(target);
    }

    private static final class SafePrintStream extends PrintStream {
        private static final String LINE_END = System.lineSeparator();
        private final PrintStream target;

        SafePrintStream(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void print(String s) {
            // a format's %n arrives alone; any other line end is inside printed text
            target.print(LINE_END.equals(s) ? s : safe(s == null ? "null" : s));
        }

        @Override
        public void print(Object o) {
            print(String.valueOf(o));
        }

        @Override
        public void print(char c) {
            print(String.valueOf(c));
        }

        @Override
        public void print(char[] s) {
            print(new String(s));
        }

        @Override
        public void println(char[] s) {
            synchronized (this) {
                print(s);
                println();
            }
        }

        @Override
        public PrintStream append(CharSequence csq, int start, int end) {
            print(String.valueOf(csq == null ? "null" : csq.subSequence(start, end)));
            return this;
        }

        @Override
        public void flush() {
            super.flush();
            target.flush();
        }

        @Override
        public void close() {
            flush(); // the session's stream stays open
        }
    }
}
