package org.opendms.plugin.manager;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;

/**
 * Where a plugin's feature repository may come from: an admin adding one must not make the server read any local
 * file or fetch any address. Allowed are the entries of {@code allowedRepositories}
 * ({@code etc/org.opendms.plugin.repositories.cfg}): {@code mvn:} for plain Maven coordinates (fetched from the Maven
 * repositories Karaf is configured with, never from one named in the address), a {@code file:} folder for the feature
 * files below it ({@code {dealer.home}} stands for the dealer home), an {@code https://host/path/} prefix for that
 * server's path. A refusal says which locations are allowed and never what the address holds.
 */
final class RepositoryPolicy {

    static final String PID = "org.opendms.plugin.repositories";
    static final String DEFAULT = "mvn:, file:{dealer.home}/plugins/";
    /** group/artifact/version[/type[/classifier]]: no repository URL, no '!' and no '@'. */
    private static final Pattern MVN = Pattern.compile("mvn:[\\w.\\-]+/[\\w.\\-]+/[\\w.\\-]+(/[\\w.\\-]+){0,2}");

    private final List<String> allowed;
    private final boolean maven;
    private final List<Path> folders = new ArrayList<>();
    private final List<URI> servers = new ArrayList<>();

    RepositoryPolicy(String configured, Path dealerHome) {
        List<String> entries = new ArrayList<>();
        boolean mvn = false;
        for (String raw : (configured == null ? DEFAULT : configured).split(",")) {
            String entry = raw.trim().replace("{dealer.home}", dealerHome.toAbsolutePath().toString());
            if (entry.isEmpty()) {
                continue;
            }
            entries.add(entry);
            String lower = entry.toLowerCase(Locale.ROOT);
            if (lower.equals("mvn:")) {
                mvn = true;
            } else if (lower.startsWith("file:")) {
                folders.add(Paths.get(entry.substring(5)).toAbsolutePath().normalize());
            } else if (lower.startsWith("https://") || lower.startsWith("http://")) {
                servers.add(URI.create(entry).normalize());
            }
        }
        this.allowed = List.copyOf(entries);
        this.maven = mvn;
    }

    /** Refuses an address outside the allowed locations (400 plugin.repository.not_allowed). */
    void check(URI repository) {
        if (!allows(repository)) {
            String where = String.join(", ", allowed);
            throw DmsException.invalid("repository", "plugin.repository.not_allowed",
                    "不允许从此位置添加插件仓库；允许的位置：" + (where.isEmpty() ? "无" : where)
                            + "（etc/" + PID + ".cfg 的 allowedRepositories）",
                    "plugin repositories may not come from this location; allowed: "
                            + (where.isEmpty() ? "none" : where) + " (allowedRepositories in etc/" + PID + ".cfg)");
        }
    }

    boolean allows(URI repository) {
        String scheme = repository.getScheme() == null ? "" : repository.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
        case "mvn":
            return maven && MVN.matcher(repository.toString()).matches();
        case "file":
            return inAllowedFolder(repository);
        case "http":
        case "https":
            return onAllowedServer(repository);
        default:
            return false;
        }
    }

    private boolean inAllowedFolder(URI repository) {
        Path file;
        try {
            file = Paths.get(repository).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAPlainFile) {
            return false;
        }
        for (Path folder : folders) {
            if (file.startsWith(folder) && !file.equals(folder) && real(file).startsWith(real(folder))) {
                return true;
            }
        }
        return false;
    }

    /** The path with links followed when it exists, so a link inside the folder cannot point outside it. */
    private static Path real(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }

    private boolean onAllowedServer(URI repository) {
        if (repository.getRawUserInfo() != null || repository.getHost() == null) {
            return false;
        }
        URI candidate = repository.normalize();
        String path = candidate.getPath() == null ? "" : candidate.getPath();
        for (URI server : servers) {
            if (server.getScheme().equalsIgnoreCase(candidate.getScheme())
                    && server.getHost() != null && server.getHost().equalsIgnoreCase(candidate.getHost())
                    && server.getPort() == candidate.getPort() && !path.contains("..")
                    && path.startsWith(server.getPath() == null ? "" : server.getPath())) {
                return true;
            }
        }
        return false;
    }
}
