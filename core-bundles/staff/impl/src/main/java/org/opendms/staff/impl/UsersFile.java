package org.opendms.staff.impl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Karaf's etc/users.properties ({@code user = password, role, _g_:group, …}; {@code _g_\:group = group, role,
 * …}) so that the users an installation had before staff accounts keep logging in with their passwords.
 */
final class UsersFile {

    private static final String GROUP = "_g_:";

    record User(String login, String password, Set<String> roles) {
    }

    private UsersFile() {
    }

    static List<User> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        List<User> users = new ArrayList<>();
        for (String login : new TreeSet<>(p.stringPropertyNames())) {
            if (login.startsWith(GROUP)) {
                continue;
            }
            List<String> values = split(p.getProperty(login));
            if (values.isEmpty()) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            for (String role : values.subList(1, values.size())) {
                if (role.startsWith(GROUP)) {
                    List<String> group = split(p.getProperty(role));
                    roles.addAll(group.isEmpty() ? List.of() : group.subList(1, group.size()));
                } else {
                    roles.add(role);
                }
            }
            users.add(new User(login, values.get(0), roles));
        }
        return users;
    }

    /**
     * Comments out every user line once the users are staff accounts: should the staff bundle ever stop, Karaf's own
     * realm would otherwise answer logins from this file again, and an account disabled since would get back in.
     * Group lines and comments stay as they are.
     */
    static void retire(Path file, String note) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(lines.size());
        boolean changed = false;
        for (String line : lines) {
            String trimmed = line.strip();
            boolean user = !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")
                    && !trimmed.startsWith("_g_") && (trimmed.indexOf('=') > 0 || trimmed.indexOf(':') > 0);
            if (user) {
                out.add("# " + note + ": " + line);
                changed = true;
            } else {
                out.add(line);
            }
        }
        if (changed) {
            Files.write(file, out, StandardCharsets.UTF_8);
        }
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
