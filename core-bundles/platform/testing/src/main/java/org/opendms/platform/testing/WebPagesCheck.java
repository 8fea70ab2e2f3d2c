package org.opendms.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.platform.api.web.WebPage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a plugin's web pages must hold to before they ship, checked in the plugin's own unit tests (no browser, no
 * Node): every page's module is in the folder and at most {@value #MAX_GZIP_BYTES} bytes gzip-compressed; the strings
 * file has a Chinese text for every English one and for every key the modules use ({@code t('…')}); no Chinese is
 * written into a template (it belongs in the strings file, so the English switch works).
 *
 * <pre>
 * assertEquals(List.of(), WebPagesCheck.problems(Path.of("src/main/resources/web"), new MyPages()));
 * </pre>
 */
public final class WebPagesCheck {

    /** The budget of one plugin page module. */
    public static final int MAX_GZIP_BYTES = 50 * 1024;
    /** Keys the host app has (its common words and shell texts); a plugin may use them. */
    private static final Set<String> HOST_PREFIXES = Set.of("common.", "shell.");
    private static final Pattern USE = Pattern.compile("(?:\\$t|\\bt)\\(\\s*['\"`]([\\w.-]+)['\"`]");
    private static final Pattern TEMPLATE = Pattern.compile("template\\s*:\\s*`([^`]*)`", Pattern.DOTALL);
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef]");

    private WebPagesCheck() {
    }

    /** @return what is wrong, one line each; empty when the pages may ship */
    public static List<String> problems(Path folder, WebExtension extension) {
        List<String> problems = new ArrayList<>();
        for (WebPage page : extension.pages()) {
            Path module = folder.resolve(page.module());
            if (!Files.isRegularFile(module)) {
                problems.add(page.path() + ": no module " + module);
            } else if (gzipped(module) > MAX_GZIP_BYTES) {
                problems.add(page.module() + ": " + gzipped(module) + " bytes gzip, more than " + MAX_GZIP_BYTES);
            }
        }
        Set<String> zh = new TreeSet<>();
        if (extension.messages() != null) {
            JsonNode messages = json(folder.resolve(extension.messages()), problems);
            if (messages != null) {
                keys(messages.path("zh-CN"), "", zh);
                Set<String> en = new TreeSet<>();
                keys(messages.path("en"), "", en);
                en.stream().filter(k -> !zh.contains(k)).forEach(k -> problems.add(extension.messages() + ": \"" + k
                        + "\" has no zh-CN text"));
            }
        }
        for (Path file : scripts(folder)) {
            String code = read(file);
            Matcher used = USE.matcher(code);
            while (used.find()) {
                String key = used.group(1);
                // a key ending in a dot is the start of one built at runtime (t('insurance.' + kind))
                if (key.contains(".") && !key.endsWith(".") && !zh.contains(key)
                        && HOST_PREFIXES.stream().noneMatch(key::startsWith)) {
                    problems.add(folder.relativize(file) + ": uses \"" + key + "\", missing in zh-CN");
                }
            }
            Matcher template = TEMPLATE.matcher(code);
            while (template.find()) {
                if (CJK.matcher(template.group(1)).find()) {
                    problems.add(folder.relativize(file) + ": Chinese text in a template (use a key of "
                            + extension.messages() + ")");
                }
            }
        }
        return problems;
    }

    private static void keys(JsonNode node, String prefix, Set<String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                keys(e.getValue(), key, into);
            } else {
                into.add(key);
            }
        }
    }

    private static JsonNode json(Path file, List<String> problems) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            problems.add(file + ": not readable JSON (" + e.getMessage() + ")");
            return null;
        }
    }

    private static List<Path> scripts(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int gzipped(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
