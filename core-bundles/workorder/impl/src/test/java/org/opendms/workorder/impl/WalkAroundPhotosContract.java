package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.LocalJpaTemplate;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.Photo;
import org.opendms.workorder.api.PhotoContent;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WalkAroundPhotos;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * The walk-around photo rules on a real database migrated by the real changelog, photos taken on work orders opened by
 * the real work-order service. Every statement the services prepare is recorded, to see what a list reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WalkAroundPhotosContract {

    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor ADMIN = new Actor("admin", Set.of("admin"), Channel.CONSOLE);
    static final Actor TECHNICIAN = new Actor("li.tech", Set.of("technician"), Channel.REST);
    static final Actor CASHIER = new Actor("cashier", Set.of("cashier"), Channel.REST);
    /** 10:00 in Shanghai on 2026-11-22. */
    static final Instant START = Instant.parse("2026-11-22T02:00:00Z");
    static final int LIMIT = WalkAroundPhotos.DEFAULT_MAX_BYTES;
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    TestDatabase db;
    EntityManagerFactory factory;
    final List<String> statements = new CopyOnWriteArrayList<>();
    VehicleService vehicles;
    MutableShopClock clock;
    SkillCatalogue skills;
    Workshop shop;
    JpaWalkAroundPhotos photos;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        vehicles = core.vehicles();
        assertEquals("workorder-012-parts",
                db.migrate("db/org.opendms.workorder.impl/changelog.xml"));
        factory = recordingFactory();
        LocalJpaTemplate jpa = new LocalJpaTemplate(factory);
        clock = new MutableShopClock(START);
        skills = StaffForTests.on(db, clock).skills();
        shop = new Workshop(skills, new WorkOrderStore(jpa, clock, new BigDecimal("0.13"), 30, 3000), vehicles, null);
        photos = new JpaWalkAroundPhotos(LIMIT);
        photos.jpa = jpa;
        photos.clock = clock;
        photos.permissions = shop.store.permissions;
        owner = core.customers()
                .create(new CustomerDraft(CustomerType.PERSON, "张伟", "13912345678", null, null, List.of(),
                        false, null), ADVISOR)
                .id();
    }

    @AfterAll
    void drop() {
        if (factory != null) {
            factory.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** The work orders' persistence unit on this database, through a DataSource that notes every statement prepared. */
    private EntityManagerFactory recordingFactory() {
        DataSource real = db.dataSource();
        DataSource recording = proxy(DataSource.class, real, (method, args, result) -> method.equals("getConnection")
                ? proxy(Connection.class, result, (m, a, r) -> {
                    if ((m.equals("prepareStatement") || m.equals("prepareCall")) && a != null
                            && a[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return r;
                }) : result);
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", recording);
        props.put("eclipselink.ddl-generation", "none");
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.weaving", "false");
        // a session of its own, beside the factories the archives' fixtures create for the same units
        props.put("eclipselink.session-name", "photos-" + db.kind() + "-" + SESSIONS.incrementAndGet());
        return Persistence.createEntityManagerFactory("dms-workorder", props);
    }

    @FunctionalInterface
    interface After {
        Object apply(String method, Object[] args, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return after.apply(method.getName(), args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(WalkAroundPhotosContract.class.getClassLoader(), new Class<?>[] { type },
                handler);
    }

    // ------------------------------------------------------------------ helpers

    /** A work order just opened at reception (AWAITING_DISPATCH). */
    WorkOrder opened() {
        Vehicle v = vehicles.create(new VehicleDraft(WorkOrderServiceContract.newVin(),
                WorkOrderServiceContract.newPlate(), "大众", "帕萨特", 2022, null, null, null, owner,
                null, null, null, null), ADVISOR);
        return shop.reception.open(new ReceptionDraft(v.plate(), null, null, 10000, null, 50, "左前门划痕",
                List.of(JobDraft.customer("保养")), null, clock.now().plus(Duration.ofHours(6)),
                Set.of(VisitType.MAINTENANCE),
                null), ADVISOR);
    }

    WorkOrder move(WorkOrder wo, WorkOrderStatus to) {
        return shop.flow.changeStatus(wo.id(), wo.version(), to, null, null, ADVISOR);
    }

    WorkOrder completed(WorkOrder wo) {
        WorkOrder repair = move(wo, WorkOrderStatus.IN_REPAIR);
        // nobody clocks labour on these work orders: the manager says why they go to QC
        WorkOrder w = shop.flow.changeStatus(repair.id(), repair.version(), WorkOrderStatus.AWAITING_QC, null,
                "只检查，未动工",
                MANAGER);
        for (QcLevel level : List.of(QcLevel.SELF, QcLevel.FOREMAN, QcLevel.FINAL)) {
            w = shop.qc.check(w.id(), w.version(), level, true, null, MANAGER);
        }
        return move(w, WorkOrderStatus.COMPLETED);
    }

    /** A real PNG of a few pixels, as a phone would send (only bigger). */
    static byte[] png(Color colour) {
        return image("png", colour, BufferedImage.TYPE_INT_ARGB);
    }

    static byte[] jpeg(Color colour) {
        return image("jpeg", colour, BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] image(String format, Color colour, int type) {
        BufferedImage image = new BufferedImage(16, 12, type);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 12; y++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? colour.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), "an ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first bytes of a WebP file ("RIFF", the length, "WEBP", a VP8L chunk); the rest does not matter here. */
    static byte[] webp() {
        byte[] b = new byte[64];
        put(b, 0, "RIFF");
        b[4] = 56;
        put(b, 8, "WEBPVP8L");
        return b;
    }

    /** The first bytes of a HEIC file from a phone: box size, "ftyp", the brand. */
    static byte[] heic(String brand) {
        byte[] b = new byte[64];
        b[3] = 24;
        put(b, 4, "ftyp" + brand);
        put(b, 16, "mif1heic");
        return b;
    }

    private static void put(byte[] b, int at, String ascii) {
        byte[] s = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, b, at, s.length);
    }

    /** {@code size} bytes that start like a PNG. */
    static byte[] pngOfSize(int size) {
        byte[] real = png(Color.RED);
        byte[] b = Arrays.copyOf(real, size);
        Arrays.fill(b, real.length, size, (byte) 7);
        return b;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Rows and bytes of photos, and the versions of every work order: "nothing changed" is all of them equal. */
    List<Long> everything() {
        return List.of(db.count("SELECT COUNT(*) FROM wo_photo"),
                db.count("SELECT COALESCE(SUM(size_bytes), 0) FROM wo_photo"),
                db.count("SELECT COUNT(*) FROM wo_work_order"),
                db.count("SELECT COALESCE(SUM(version), 0) FROM wo_work_order"));
    }

    /** Runs a call that must be refused; returns the refusal after checking nothing was stored or changed. */
    DmsException refused(DmsException.Kind kind, String field, String code, Runnable call) {
        List<Long> before = everything();
        DmsException e = assertThrows(DmsException.class, call::run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(
                e.violations().stream()
                        .anyMatch(v -> v.field().equals(field) && (code == null || v.code().equals(code))),
                () -> "expected " + field + "/" + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank(), v.toString()));
        assertEquals(before, everything(), "a refused photo stores nothing");
        return e;
    }

    static Violation violation(DmsException e, String code) {
        return e.violations().stream().filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + e.violations()));
    }

    // ------------------------------------------------------------------ storing and reading

    @Test
    void storesAPngAndAJpegAndGivesBackTheSameBytes() throws Exception {
        WorkOrder wo = opened();
        byte[] png = png(Color.RED);
        byte[] jpeg = jpeg(Color.BLUE);
        Photo first = photos.add(wo.id(), "image/png", png, "  右后门划痕  ", ADVISOR);
        clock.advance(Duration.ofMinutes(3));
        Photo second = photos.add(wo.id(), "image/jpeg", jpeg, null, TECHNICIAN);

        assertEquals(wo.id(), first.workOrderId());
        assertEquals("image/png", first.contentType());
        assertEquals(png.length, first.sizeBytes());
        assertEquals(sha256(png), first.sha256());
        assertEquals("右后门划痕", first.caption());
        assertEquals("wang.advisor", first.takenBy());
        assertEquals(clock.now().minus(Duration.ofMinutes(3)), first.takenAt());
        assertNull(second.caption());
        assertEquals("li.tech", second.takenBy());

        assertEquals(List.of(first, second), photos.list(wo.id()));
        PhotoContent p = photos.content(wo.id(), first.id());
        assertEquals("image/png", p.contentType());
        assertArrayEquals(png, p.data());
        PhotoContent j = photos.content(wo.id(), second.id());
        assertEquals("image/jpeg", j.contentType());
        assertArrayEquals(jpeg, j.data());
        assertEquals(sha256(jpeg), sha256(j.data()));
    }

    @Test
    void aPhotoDoesNotMakeTheWorkOrderStale() {
        WorkOrder wo = opened();
        photos.add(wo.id(), "image/png", png(Color.GREEN), null, TECHNICIAN);
        // the advisor's copy is still current: a photo is not a change of the work order
        assertEquals(wo.version(), shop.workOrders.get(wo.id()).version());
        move(wo, WorkOrderStatus.IN_REPAIR);
    }

    @Test
    void acceptsWebpAndHeicByTheirMagicNumbersAndIgnoresCaseAndParameters() {
        WorkOrder wo = opened();
        assertEquals("image/webp", photos.add(wo.id(), "image/webp", webp(), null, ADVISOR).contentType());
        assertEquals("image/heic", photos.add(wo.id(), "image/heic", heic("heic"), null, ADVISOR).contentType());
        assertEquals("image/heic", photos.add(wo.id(), "image/heic", heic("heix"), null, ADVISOR).contentType());
        assertEquals("image/heic", photos.add(wo.id(), "image/heic", heic("mif1"), null, ADVISOR).contentType());
        assertEquals("image/jpeg",
                photos.add(wo.id(), " Image/JPEG; q=0.9", jpeg(Color.BLACK), null, ADVISOR).contentType());
        assertEquals(5, photos.list(wo.id()).size());
    }

    @Test
    void listsOldestFirstWithoutReadingTheBytes() {
        WorkOrder wo = opened();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(photos.add(wo.id(), "image/png", pngOfSize(200_000 + i), "第 " + i + " 张", ADVISOR).id());
            clock.advance(Duration.ofSeconds(10));
        }
        statements.clear();
        List<Photo> listed = photos.list(wo.id());
        assertEquals(ids, listed.stream().map(Photo::id).toList());
        assertEquals(List.of(200_000, 200_001, 200_002), listed.stream().map(Photo::sizeBytes).toList());
        assertFalse(statements.isEmpty(), "the list was read from the database");
        for (String sql : statements) {
            String s = sql.toUpperCase(Locale.ROOT);
            assertFalse(s.contains("DATA") || s.contains("*"), "a list must not read the photos' bytes: " + sql);
        }
    }

    @Test
    void givesNoPhotoOfAnotherWorkOrder() {
        WorkOrder one = opened();
        WorkOrder other = opened();
        Photo p = photos.add(one.id(), "image/png", png(Color.RED), null, ADVISOR);
        refused(DmsException.Kind.NOT_FOUND, "photoId", "not_found", () -> photos.content(other.id(), p.id()));
        refused(DmsException.Kind.NOT_FOUND, "photoId", "not_found", () -> photos.content(one.id(), p.id() + 1000));
        assertEquals(List.of(), photos.list(other.id()));
    }

    @Test
    void refusesAnUnknownWorkOrder() {
        refused(DmsException.Kind.NOT_FOUND, "id", "not_found",
                () -> photos.add(999_999, "image/png", png(Color.RED), null, ADVISOR));
        refused(DmsException.Kind.NOT_FOUND, "id", "not_found", () -> photos.list(999_999));
        refused(DmsException.Kind.NOT_FOUND, "id", "not_found", () -> photos.content(999_999, 1));
    }

    // ------------------------------------------------------------------ who and when

    @Test
    void editorsAndTechniciansAddPhotosOthersMayNot() {
        WorkOrder wo = opened();
        for (Actor a : List.of(ADVISOR, MANAGER, ADMIN, TECHNICIAN)) {
            assertEquals(a.username(), photos.add(wo.id(), "image/png", png(Color.RED), null, a).takenBy());
        }
        DmsException e = refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> photos.add(wo.id(), "image/png", png(Color.RED), null, CASHIER));
        assertTrue(e.violations().get(0).messageEn().contains("technician"), e.getMessage());
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden",
                () -> photos.add(wo.id(), "image/png", png(Color.RED), null, null));
        assertEquals(List.of("admin", "manager", "advisor", "technician"),
                photos.permissions.find("workorder.photo.add").orElseThrow().roles());
    }

    @Test
    void refusesPhotosOnceTheWorkOrderIsDeliveredOrCancelled() {
        WorkOrder done = completed(opened());
        // at completion the car is still here: the check before handing it back may find something
        photos.add(done.id(), "image/png", png(Color.RED), "交车前检查", ADVISOR);
        WorkOrder delivered = move(done, WorkOrderStatus.DELIVERED);
        DmsException e = refused(DmsException.Kind.CONFLICT, "status", "status.closed",
                () -> photos.add(delivered.id(), "image/png", png(Color.RED), null, ADVISOR));
        assertTrue(e.getMessage().contains("DELIVERED"), e.getMessage());
        WorkOrder cancelled = move(opened(), WorkOrderStatus.CANCELLED);
        refused(DmsException.Kind.CONFLICT, "status", "status.closed",
                () -> photos.add(cancelled.id(), "image/jpeg", jpeg(Color.RED), null, MANAGER));
        // what was taken before stays readable
        assertEquals(1, photos.list(delivered.id()).size());
    }

    // ------------------------------------------------------------------ what a photo is

    @Test
    void refusesATypeThatIsNotAPhotoType() {
        WorkOrder wo = opened();
        byte[] gif = "GIF89a-------".getBytes(StandardCharsets.US_ASCII);
        DmsException e = refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/gif", gif, null, ADVISOR));
        assertTrue(violation(e, "photo.type").messageEn().contains("image/gif"), e.getMessage());
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), null,
                        ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), null, png(Color.RED), null, ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), " ", png(Color.RED), null, ADVISOR));
    }

    @Test
    void refusesBytesThatAreNotTheTypeDeclaredSayingWhatTheyLookLike() {
        WorkOrder wo = opened();
        byte[] text = "这不是照片 just a note\n".getBytes(StandardCharsets.UTF_8);
        Violation v = violation(refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/png", text, null, ADVISOR)), "photo.type");
        assertTrue(v.messageEn().contains("image/png") && v.messageEn().contains("text"), v.messageEn());
        assertTrue(v.messageZh().contains("image/png") && v.messageZh().contains("text"), v.messageZh());

        v = violation(refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/jpeg", png(Color.RED), null, ADVISOR)), "photo.type");
        assertTrue(v.messageEn().contains("declared as image/jpeg") && v.messageEn().contains("are image/png"),
                v.messageEn());
        assertTrue(v.messageZh().contains("image/jpeg") && v.messageZh().contains("image/png"), v.messageZh());

        v = violation(refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/webp", new byte[] { 0, 1, 2, (byte) 0xFE, 9, 9, 9, 9, 9, 9, 9, 9 },
                        null,
                        ADVISOR)),
                "photo.type");
        assertTrue(v.messageEn().contains("not a recognised image"), v.messageEn());

        // HEIC needs its brand after "ftyp", not any ISO media file (an MP4 video is one too)
        v = violation(refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/heic", heic("isom"), null, ADVISOR)), "photo.type");
        assertTrue(v.messageEn().contains("isom"), v.messageEn());
        // "RIFF" alone is a WAV or an AVI as well
        byte[] wav = webp();
        put(wav, 8, "WAVE");
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/webp", wav, null, ADVISOR));
        // too short to hold the magic number
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.type",
                () -> photos.add(wo.id(), "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8 }, null, ADVISOR));
        assertEquals(List.of(), photos.list(wo.id()));
    }

    @Test
    void refusesAnEmptyPhoto() {
        WorkOrder wo = opened();
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.empty",
                () -> photos.add(wo.id(), "image/png", new byte[0], null, ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.empty",
                () -> photos.add(wo.id(), "image/png", null, null, ADVISOR));
    }

    @Test
    void refusesAPhotoOverTheLimitNamingTheLimitInMegabytes() {
        WorkOrder wo = opened();
        byte[] atLimit = pngOfSize(LIMIT);
        Photo p = photos.add(wo.id(), "image/png", atLimit, "正好 5 MB", ADVISOR);
        assertEquals(LIMIT, p.sizeBytes());
        assertArrayEquals(atLimit, photos.content(wo.id(), p.id()).data());

        Violation v = violation(refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.too_large",
                () -> photos.add(wo.id(), "image/png", pngOfSize(LIMIT + 1), null, ADVISOR)), "photo.too_large");
        assertTrue(v.messageZh().contains("5 MB") && v.messageEn().contains("5 MB"), v.toString());

        JpaWalkAroundPhotos small = new JpaWalkAroundPhotos(1536 * 1024);
        small.jpa = photos.jpa;
        small.clock = clock;
        small.permissions = photos.permissions;
        v = violation(refused(DmsException.Kind.INVALID_INPUT, "photo", "photo.too_large",
                () -> small.add(wo.id(), "image/png", pngOfSize(2 * 1024 * 1024), null, ADVISOR)), "photo.too_large");
        assertTrue(v.messageEn().contains("1.5 MB"), v.messageEn());
    }

    @Test
    void keepsAtMostThirtyPhotosPerWorkOrder() {
        WorkOrder wo = opened();
        byte[] png = png(Color.ORANGE);
        for (int i = 0; i < WalkAroundPhotos.MAX_PER_WORK_ORDER; i++) {
            photos.add(wo.id(), "image/png", png, null, TECHNICIAN);
        }
        DmsException e = refused(DmsException.Kind.CONFLICT, "photo", "photo.too_many",
                () -> photos.add(wo.id(), "image/png", png, null, TECHNICIAN));
        assertTrue(e.getMessage().contains("30"), e.getMessage());
        assertEquals(30, photos.list(wo.id()).size());
        // another work order is not affected
        photos.add(opened().id(), "image/png", png, null, TECHNICIAN);
    }

    @Test
    void twoDesksNeverPassTheLimitTogether() throws Exception {
        WorkOrder wo = opened();
        byte[] png = png(Color.MAGENTA);
        for (int i = 0; i < WalkAroundPhotos.MAX_PER_WORK_ORDER - 1; i++) {
            photos.add(wo.id(), "image/png", png, null, TECHNICIAN);
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        photos.add(wo.id(), "image/png", png, null, TECHNICIAN);
                        return "stored";
                    } catch (DmsException e) {
                        return e.violations().get(0).code();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, outcomes.stream().filter("stored"::equals).count(), outcomes.toString());
            assertEquals(threads - 1, outcomes.stream().filter("photo.too_many"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, photos.list(wo.id()).size());
    }

    @Test
    void takesAnOptionalCaptionOfAtMost200Characters() {
        WorkOrder wo = opened();
        String longest = "划".repeat(WalkAroundPhotos.CAPTION_MAX);
        assertEquals(longest, photos.add(wo.id(), "image/png", png(Color.RED), longest, ADVISOR).caption());
        assertNull(photos.add(wo.id(), "image/png", png(Color.RED), "   ", ADVISOR).caption());
        refused(DmsException.Kind.INVALID_INPUT, "caption", "too_long",
                () -> photos.add(wo.id(), "image/png", png(Color.RED), longest + "痕", ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "caption", "control_character",
                () -> photos.add(wo.id(), "image/png", png(Color.RED), "左前门\n划痕", ADVISOR));
        assertEquals(2, photos.list(wo.id()).size());
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        WorkOrder wo = opened();
        DmsException e = refused(DmsException.Kind.INVALID_INPUT, "caption", "too_long",
                () -> photos.add(wo.id(), "image/png", "hello".getBytes(StandardCharsets.US_ASCII), "x".repeat(201),
                        ADVISOR));
        assertEquals(Set.of("photo.type", "too_long"),
                Set.copyOf(e.violations().stream().map(Violation::code).toList()));
    }
}
