package org.opendms.plugin.manager;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Reads and writes the dealer profile. The first start copies the profile the integrator shipped in etc/ into the
 * dealer home; from then on only the dealer home's copy counts. Writes go to a temporary file that is then moved
 * over the old one, so a crash leaves either the old or the new profile, never half of one.
 */
final class ProfileStore {

    static final String FILE_NAME = "dealer-profile.json";

    private final Path file;
    private final Path shipped;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    ProfileStore(Path dealerHome, Path shipped) {
        this.file = dealerHome.resolve(FILE_NAME);
        this.shipped = shipped;
    }

    Path file() {
        return file;
    }

    /** The dealer's profile; on the first start the shipped one (or an empty one) is copied into the dealer home. */
    synchronized DealerProfile load() throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        DealerProfile profile = shipped != null && Files.exists(shipped) ? read(shipped) : new DealerProfile();
        save(profile);
        return profile;
    }

    synchronized void save(DealerProfile profile) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        mapper.writeValue(temp.toFile(), profile);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private DealerProfile read(Path path) throws IOException {
        try {
            DealerProfile profile = mapper.readValue(path.toFile(), DealerProfile.class);
            for (String id : profile.plugins.keySet()) {
                if (!id.matches(org.opendms.plugin.api.DmsPlugin.ID_PATTERN)) {
                    throw new IOException("plugin id '" + id + "' is not lower-case letters, digits and dashes");
                }
            }
            return profile;
        } catch (IOException e) {
            throw new IOException("dealer profile " + path + " is not valid: " + e.getMessage(), e);
        }
    }
}
