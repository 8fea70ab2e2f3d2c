package org.opendms.platform.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void plainChineseAndAsciiTextIsKeptAsItIs() {
        String s = "张伟 京A·12345 VIP 😀";
        assertSame(s, ConsoleText.safe(s));
        assertEquals("", ConsoleText.safe(null));
    }

    @Test
    void escapeCodesAndControlCharactersAreShownEscaped() {
        assertEquals("\\x1b[2J客户", ConsoleText.safe("\u001b[2J客户"));
        assertEquals("a\\x00b\\x07c\\x7fd\\x9be", ConsoleText.safe("a\u0000b\u0007c\u007fd\u009be"));
        assertEquals("line\\nnext\\r\\t", ConsoleText.safe("line\nnext\r\t"));
        assertEquals("back\\\\slash", ConsoleText.safe("back\\slash"));
    }

    @Test
    void bidiOverridesZeroWidthCharactersAndLoneSurrogatesAreShownEscaped() {
        assertEquals("abc\\u202edef\\u200b\\u2066", ConsoleText.safe("abc\u202edef\u200b\u2066"));
        assertEquals("x\\ud800y", ConsoleText.safe("x\ud800y"));
        assertEquals("x\\udc00", ConsoleText.safe("x\udc00"));
        assertEquals("\\u2028", ConsoleText.safe("\u2028"));
    }

    @Test
    void theCommandStreamEscapesPrintedTextButKeepsItsOwnLineEnds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            PrintStream out = ConsoleText.out();
            out.println("名字 \u001b[31mred");
            out.printf("%-6s|%d%n", "a\u202e", 42);
            out.print('\u0007');
            out.println(new StringBuilder("x\ny"));
            out.flush();
        } finally {
            System.setOut(previous);
        }
        String nl = System.lineSeparator();
        assertEquals("名字 \\x1b[31mred" + nl + "a\\u202e    |42" + nl + "\\x07x\\ny" + nl,
                bytes.toString(StandardCharsets.UTF_8));
    }
}
