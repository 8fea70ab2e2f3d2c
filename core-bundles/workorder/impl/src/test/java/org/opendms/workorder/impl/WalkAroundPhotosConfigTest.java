package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.opendms.workorder.api.WalkAroundPhotos;

/** The photo limit from the work orders' configuration, and what the bytes of each accepted type start with. */
class WalkAroundPhotosConfigTest {

    /** The configuration as DS hands it over: the given photo limit, every other attribute at its default. */
    static WorkOrderConfig config(int photoMaxBytes) {
        return (WorkOrderConfig) Proxy.newProxyInstance(WorkOrderConfig.class.getClassLoader(),
                new Class<?>[] { WorkOrderConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                case "photoMaxBytes" -> photoMaxBytes;
                case "annotationType" -> WorkOrderConfig.class;
                default -> method.getDefaultValue();
                });
    }

    @Test
    void takesTheLimitAndReplacesOneOutOfRangeByTheDefault() {
        JpaWalkAroundPhotos photos = new JpaWalkAroundPhotos();
        assertEquals(5242880, photos.maxBytes());
        photos.configure(config(10 * 1024 * 1024));
        assertEquals(10 * 1024 * 1024, photos.maxBytes());
        photos.configure(config(0));
        assertEquals(WalkAroundPhotos.DEFAULT_MAX_BYTES, photos.maxBytes());
        photos.configure(config(JpaWalkAroundPhotos.MAX_LIMIT + 1));
        assertEquals(WalkAroundPhotos.DEFAULT_MAX_BYTES, photos.maxBytes());
        photos.configure(config(JpaWalkAroundPhotos.MIN_LIMIT));
        assertEquals(JpaWalkAroundPhotos.MIN_LIMIT, photos.maxBytes());
    }

    @Test
    void theMetatypeDefaultIsTheApiDefault() throws Exception {
        assertEquals(WalkAroundPhotos.DEFAULT_MAX_BYTES,
                WorkOrderConfig.class.getMethod("photoMaxBytes").getDefaultValue());
    }

    @Test
    void recognisesEachAcceptedTypeByItsMagicNumber() {
        assertEquals("image/jpeg", PhotoRules.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }));
        assertEquals("image/png",
                PhotoRules.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        assertNull(PhotoRules.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A }));
        assertEquals("image/webp", PhotoRules.sniff(WalkAroundPhotosContract.webp()));
        for (String brand : new String[] { "heic", "heix", "mif1" }) {
            assertEquals("image/heic", PhotoRules.sniff(WalkAroundPhotosContract.heic(brand)), brand);
        }
        assertNull(PhotoRules.sniff(WalkAroundPhotosContract.heic("mp42")));
        assertNull(PhotoRules.sniff(new byte[0]));
    }

    @Test
    void showsLimitsInMegabytes() {
        assertEquals("5", PhotoRules.megabytes(5242880));
        assertEquals("1.5", PhotoRules.megabytes(1536 * 1024));
        assertEquals("50", PhotoRules.megabytes(JpaWalkAroundPhotos.MAX_LIMIT));
    }
}
