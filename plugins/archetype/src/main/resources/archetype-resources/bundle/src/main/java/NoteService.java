package ${package};

import java.util.List;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.TypedQuery;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.PermissionSet;
import org.opendms.platform.api.security.Permissions;
import org.opendms.vehicle.api.VehicleService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes on vehicles. Starts once the platform has migrated this bundle's tables ({@link SchemaReady}) and the
 * persistence unit is up; takes its settings from {@link NotesConfig} and applies changes to them while running.
 * It uses plain JPA ({@link EntityManagerFactory}), not the container's helper types, so it depends on
 * specifications and the platform's API only.
 */
@Component(service = NoteService.class, configurationPid = NotesConfig.PID)
@Designate(ocd = NotesConfig.class)
public class NoteService {

    static final int LIST_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(NoteService.class);

    @Reference(target = "(osgi.unit.name=" + NotesPlugin.UNIT + ")")
    EntityManagerFactory database;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=" + NotesPlugin.BUNDLE + ")")
    SchemaReady schema;

    /** A note is only taken for a vehicle that exists. */
    @Reference
    VehicleService vehicles;

    /** Who may do what: the platform's table, with this plugin's {@link NotesPermissions} in it. */
    @Reference
    Permissions permissions;

    /** Ours: bound here so that the table knows the plugin's permissions before this service answers anyone. */
    @Reference(target = "(" + NotesPermissions.PROPERTY + "=" + NotesPlugin.ID + ")")
    PermissionSet ownPermissions;

    /** Stored times come from the shop's clock, so a test with a fixed clock sees its time stored. */
    @Reference
    ShopClock clock;

    private volatile int maxLength = NotesConfig.DEFAULT_MAX_LENGTH;

    @Activate
    @Modified
    void configure(NotesConfig config) {
        int wanted = config.maxLength();
        if (wanted < 1 || wanted > NotesConfig.LONGEST) {
            LOG.warn("maxLength = {} is outside 1–{}; using {}", wanted, NotesConfig.LONGEST, NotesConfig.DEFAULT_MAX_LENGTH);
            wanted = NotesConfig.DEFAULT_MAX_LENGTH;
        }
        maxLength = wanted;
    }

    /** The longest note accepted now, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * @throws DmsException FORBIDDEN without {@link NotesPermissions#WRITE}; INVALID_INPUT naming each wrong field, an
     *                      unknown vehicle included
     */
    public VehicleNote add(NoteDraft draft, Actor actor) {
        permissions.require(actor, NotesPermissions.WRITE);
        NoteDraft valid = NoteRules.check(draft, maxLength);
        requireVehicle(valid.vehicleId());
        return inTransaction(em -> {
            NoteEntity e = new NoteEntity();
            e.vehicleId = valid.vehicleId();
            e.text = valid.text();
            e.createdAt = Stored.utc(clock.now());
            e.createdBy = actor.username();
            em.persist(e);
            em.flush();
            return toNote(e);
        });
    }

    /** @throws DmsException NOT_FOUND when there is no such note */
    public VehicleNote get(long id) {
        return inTransaction(em -> {
            NoteEntity e = em.find(NoteEntity.class, id);
            if (e == null) {
                throw DmsException.notFound("id", "备注 " + id + " 不存在", "note " + id + " does not exist");
            }
            return toNote(e);
        });
    }

    /**
     * Newest first.
     *
     * @param vehicleId only this vehicle's notes; null for every vehicle
     * @param limit     1–200
     */
    public List<VehicleNote> list(Long vehicleId, int limit) {
        int n = NoteRules.limit(limit);
        return inTransaction(em -> {
            TypedQuery<NoteEntity> q = vehicleId == null
                    ? em.createQuery("SELECT n FROM NoteEntity n ORDER BY n.id DESC", NoteEntity.class)
                    : em.createQuery("SELECT n FROM NoteEntity n WHERE n.vehicleId = :v ORDER BY n.id DESC", NoteEntity.class)
                            .setParameter("v", vehicleId);
            return q.setMaxResults(n).getResultList().stream().map(NoteService::toNote).toList();
        });
    }

    private void requireVehicle(long vehicleId) {
        try {
            vehicles.get(vehicleId);
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                throw DmsException.invalid("vehicleId", "not_found", "车辆 " + vehicleId + " 不存在（vehicleId）",
                        "vehicle " + vehicleId + " does not exist (vehicleId)");
            }
            throw e;
        }
    }

    /** One transaction: committed when the work returns, rolled back when it throws. */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = database.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static VehicleNote toNote(NoteEntity e) {
        return new VehicleNote(e.id, e.vehicleId, e.text, Stored.instant(e.createdAt), e.createdBy);
    }
}
