package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Roles;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.vehicle.api.VehicleService;

/**
 * The service on a real database whose tables come from this bundle's changelog, run the way the platform runs it:
 * the entity, the persistence unit and the changelog are checked against each other here, not first in a shop.
 */
class NoteServiceDerbyTest {

    private static final long KNOWN_VEHICLE = 1;
    private static final Actor ADVISOR = new Actor("advisor", Set.of(Roles.ADVISOR), Channel.REST);
    /** The shop clock stands still here: what a note records as its time. */
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static TestDatabase db;
    private static NoteService notes;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.derby();
        db.migrate("db/" + NotesPlugin.BUNDLE + "/changelog.xml");
        notes = new NoteService();
        notes.database = db.entityManagerFactory(NotesPlugin.UNIT);
        notes.vehicles = vehiclesWith(KNOWN_VEHICLE);
        notes.permissions = TestPermissions.of(new NotesPermissions());
        notes.clock = TestShopClock.fixed(NOW);
        notes.configure(config(500));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void storesANoteAndListsTheNewestFirst() {
        VehicleNote first = notes.add(new NoteDraft(KNOWN_VEHICLE, "左前轮有鼓包，已告知车主"), ADVISOR);
        VehicleNote second = notes.add(new NoteDraft(KNOWN_VEHICLE, "冬季胎存放于 B-12 货架"), ADVISOR);
        assertEquals(NOW, first.createdAt(), "the shop clock's time is stored");
        assertEquals("advisor", first.createdBy());
        List<VehicleNote> listed = notes.list(KNOWN_VEHICLE, 2);
        assertEquals(List.of(second.id(), first.id()), listed.stream().map(VehicleNote::id).toList());
        assertEquals(second, notes.get(second.id()));
        assertEquals(1, db.count("SELECT COUNT(*) FROM " + NotesPlugin.NOTE_TABLE + " WHERE id = " + first.id()));
    }

    @Test
    void refusesANoteOnAVehicleThatDoesNotExist() {
        DmsException e = assertThrows(DmsException.class, () -> notes.add(new NoteDraft(999L, "x"), ADVISOR));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals("vehicleId", e.violations().get(0).field());
    }

    @Test
    void refusesRolesThatDoNotMeetTheCar() {
        Actor cashier = new Actor("cashier", Set.of(Roles.CASHIER), Channel.REST);
        DmsException e = assertThrows(DmsException.class, () -> notes.add(new NoteDraft(KNOWN_VEHICLE, "x"), cashier));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
    }

    @Test
    void appliesAChangedLongestNoteWithoutRestartingAndIgnoresANonsenseValue() {
        notes.configure(config(3));
        try {
            assertThrows(DmsException.class, () -> notes.add(new NoteDraft(KNOWN_VEHICLE, "四个字的"), ADVISOR));
            notes.configure(config(0));
            assertEquals(NotesConfig.DEFAULT_MAX_LENGTH, notes.maxLength());
        } finally {
            notes.configure(config(500));
        }
    }

    /** Core's vehicle archive as the service sees it: one vehicle exists, every other id is unknown. */
    private static VehicleService vehiclesWith(long existing) {
        return (VehicleService) Proxy.newProxyInstance(NoteServiceDerbyTest.class.getClassLoader(),
                new Class<?>[] {VehicleService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") && (long) args[0] == existing) {
                        return null; // the service only asks whether it exists
                    }
                    if (method.getName().equals("get")) {
                        throw DmsException.notFound("id", "车辆不存在", "no such vehicle");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static NotesConfig config(int maxLength) {
        return new NotesConfig() {
            @Override
            public int maxLength() {
                return maxLength;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return NotesConfig.class;
            }
        };
    }
}
