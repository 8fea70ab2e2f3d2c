package org.opendms.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's runnable examples as one bash script. A block is runnable when the line before its ```sh fence is
 * {@value #MARKER}; other blocks (builds, console sessions, placeholders) are never run. Each command (a line, with
 * its backslash continuations) runs in the same shell, in README order, so variables and files carry over; after
 * each, the script stops naming the README line when the command failed or an HTTP answer was 400 or more, unless
 * the command's comment says {@code # answers NNN} and every answer of the command was exactly that.
 */
final class ReadmeExamples {

    static final String MARKER = "<!-- readme-test: run -->";
    private static final Pattern EXPECTED = Pattern.compile("#\\s*answers (\\d{3})\\b");

    /** One command of a runnable block: its first README line and its text. */
    record Command(int line, String text) {
    }

    private ReadmeExamples() {
    }

    /** The runnable commands of the README, in order. */
    static List<Command> commands(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Command> commands = new ArrayList<>();
        boolean marked = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(MARKER)) {
                marked = true;
            } else if (line.startsWith("```")) {
                if (!marked) {
                    i = endOfBlock(lines, i);
                    continue;
                }
                if (!line.equals("```sh")) {
                    throw new IllegalStateException("README.md line " + (i + 1) + ": a runnable block must be ```sh");
                }
                int end = endOfBlock(lines, i);
                collect(lines, i + 1, end, commands);
                i = end;
                marked = false;
            } else if (!line.isEmpty() && marked) {
                throw new IllegalStateException(
                        "README.md line " + (i + 1) + ": " + MARKER + " must be right before ```sh");
            }
        }
        return commands;
    }

    private static int endOfBlock(List<String> lines, int fence) {
        for (int j = fence + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        throw new IllegalStateException("README.md line " + (fence + 1) + ": the block is not closed");
    }

    private static void collect(List<String> lines, int from, int to, List<Command> commands) {
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder(line);
            while (line.endsWith("\\") && i + 1 < to) {
                line = lines.get(++i);
                text.append('\n').append(line);
            }
            commands.add(new Command(first + 1, text.toString()));
        }
    }

    /**
     * The script: curl is wrapped so that each HTTP status is noted; the README's base URL points at the platform
     * under test. It exits 1 after printing "README.md line N: ..." for the first command that failed.
     */
    static String script(List<Command> commands, String readmeBase, String testBase) {
        StringBuilder s = new StringBuilder();
        s.append("set -o pipefail\n");
        s.append("README_STATUS=$(mktemp)\n");
        // every answer's status goes to README_STATUS; the body is printed as curl would print it
        s.append("curl() {\n");
        s.append("  local out rc\n");
        s.append("  out=$(command curl -w '\\n@@status@@%{http_code}' \"$@\"); rc=$?\n");
        s.append("  printf '%s\\n' \"${out%$'\\n'@@status@@*}\"\n");
        s.append("  printf '%s\\n' \"${out##*@@status@@}\" >> \"$README_STATUS\"\n");
        s.append("  return $rc\n");
        s.append("}\n");
        s.append("readme_check() {\n"); // $1 rc, $2 line, $3 expected status or empty
        s.append(
                "  if [ \"$1\" -ne 0 ]; then echo \"README.md line $2: the command failed with exit status $1\" >&2; exit 1; fi\n");
        s.append("  local status\n");
        s.append("  for status in $(cat \"$README_STATUS\"); do\n");
        s.append(
                "    if [ -n \"$3\" ] && [ \"$status\" != \"$3\" ]; then echo \"README.md line $2: HTTP $status, the README says it answers $3\" >&2; exit 1; fi\n");
        s.append(
                "    if [ -z \"$3\" ] && [ \"$status\" -ge 400 -o \"$status\" = 000 ]; then echo \"README.md line $2: HTTP $status\" >&2; exit 1; fi\n");
        s.append("  done\n");
        s.append("  : > \"$README_STATUS\"\n");
        s.append("}\n");
        for (Command c : commands) {
            Matcher expected = EXPECTED.matcher(c.text());
            String status = expected.find() ? expected.group(1) : "";
            s.append("echo '>>> README.md line ").append(c.line()).append("'\n");
            s.append(c.text().replace(readmeBase, testBase)).append('\n');
            s.append("readme_check $? ").append(c.line()).append(" '").append(status).append("'\n");
        }
        s.append("echo '>>> every README example ran'\n");
        return s.toString();
    }
}
