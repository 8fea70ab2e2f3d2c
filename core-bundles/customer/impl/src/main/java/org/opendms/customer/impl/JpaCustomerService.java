package org.opendms.customer.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerField;
import org.opendms.customer.api.CustomerQuery;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.Mobile;
import org.opendms.customer.api.PersonalDataAccess;
import org.opendms.customer.api.PersonalDataAccessEntry;
import org.opendms.customer.api.PersonalDataAccessQuery;
import org.opendms.customer.api.SearchText;
import org.opendms.customer.api.event.CustomerEvent;
import org.opendms.customer.api.event.CustomerListener;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ChangeKind;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.PlanPerSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The customer archive on JPA. Starts only once the customer tables are migrated. */
@Component(service = CustomerService.class)
public class JpaCustomerService implements CustomerService {

    /** The access record's field column. */
    private static final int FIELD_MAX = 30;
    /** The access record's searched column. */
    private static final int SEARCHED_MAX = 100;

    @Reference(target = "(osgi.unit.name=dms-customer)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.customer.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    ShopClock clock;

    /** Who changed which field, old and new value, written in the change's transaction. */
    @Reference
    AuditTrail audit;

    /** Short parts of a name from their own index on PostgreSQL. */
    final NamePieces namePieces = new NamePieces();

    /** Plugins told of each committed change. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CustomerListener> listeners = List.of();

    @Override
    public Customer create(CustomerDraft draft, Actor actor) {
        permissions.require(actor, "customer.create");
        CustomerRules.Valid valid = CustomerRules.check(draft);
        try {
            Customer created = DeadlockRetry.write(() -> jpa.txExpr(em -> {
                refuseDuplicateMobile(em, valid.mobile(), null);
                Instant at = clock.now();
                LocalDateTime now = Stored.utc(at);
                CustomerEntity e = new CustomerEntity();
                apply(e, valid, now);
                e.created(at, actor);
                em.persist(e);
                em.flush();
                record(em, e.id, "name", PersonalDataAccess.Action.CREATE, actor, now);
                if (e.mobile != null) {
                    record(em, e.id, "mobile", PersonalDataAccess.Action.CREATE, actor, now);
                }
                audit.record(em, actor, "customer", e.id, null, toCustomer(e));
                return toCustomer(e);
            }));
            tell(ChangeKind.CREATED, null, created, actor);
            return created.without(CustomerField.hiddenFrom(actor, permissions));
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    @Override
    public Customer update(long id, long expectedVersion, CustomerDraft draft, Actor actor) {
        permissions.require(actor, "customer.update");
        CustomerRules.Valid valid = CustomerRules.check(draft);
        try {
            Customer[] before = new Customer[1];
            Customer after = DeadlockRetry.write(() -> jpa.txExpr(em -> {
                CustomerEntity e = find(em, id);
                StaleVersion.check(e.version, expectedVersion, "客户资料", "the customer");
                refuseDuplicateMobile(em, valid.mobile(), id);
                before[0] = toCustomer(e);
                Instant at = clock.now();
                LocalDateTime now = Stored.utc(at);
                String oldMobile = e.mobile;
                String oldName = e.name;
                apply(e, valid, now);
                e.updated(at, actor);
                em.flush();
                if (!Objects.equals(oldName, e.name)) {
                    record(em, id, "name", PersonalDataAccess.Action.UPDATE, actor, now);
                }
                if (!Objects.equals(oldMobile, e.mobile)) {
                    record(em, id, "mobile", PersonalDataAccess.Action.UPDATE, actor, now);
                }
                audit.record(em, actor, "customer", id, before[0], toCustomer(e));
                return toCustomer(e);
            }));
            tell(ChangeKind.CHANGED, before[0], after, actor);
            return after.without(CustomerField.hiddenFrom(actor, permissions));
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** After commit: a listener that fails is logged and does not undo the change or stop the others. */
    private void tell(ChangeKind kind, Customer before, Customer after, Actor actor) {
        List<CustomerListener> now = listeners;
        if (!now.isEmpty()) {
            AfterCommit.tell(now, CustomerListener::customerChanged,
                    new CustomerEvent(kind, before, after, actor.username(), after.updatedAt()),
                    "customer " + after.id());
        }
    }

    @Override
    public Customer get(long id) {
        return jpa.txExpr(em -> toCustomer(find(em, id)));
    }

    @Override
    public Customer get(long id, Actor actor) {
        permissions.require(actor, "customer.read");
        return get(id).without(CustomerField.hiddenFrom(actor, permissions));
    }

    /**
     * The role checks sit here, above the query: a partial mobile narrows only for roles that may read mobiles, and
     * every search with text is recorded, in its own transaction once the search has run.
     */
    @Override
    public Page<Customer> search(CustomerQuery query, PageRequest page, Actor actor) {
        permissions.require(actor, "customer.read");
        Objects.requireNonNull(page, "page");
        CustomerQuery q = query == null ? CustomerQuery.text(null) : query;
        String text = q.text() == null ? "" : q.text().strip();
        Mobile whole = SearchText.wholeMobile(text);
        boolean mobileDigits = whole != null
                || q.mobileDigits() && permissions.allows(actor, "customer.search.mobile-digits");
        Page<Customer> found = search(new CustomerQuery(whole == null ? text : whole.value(), q.orAmongIds(),
                mobileDigits, q.field()), page);
        if (!text.isEmpty()) {
            jpa.tx(em -> {
                String field = q.field().length() > FIELD_MAX ? q.field().substring(0, FIELD_MAX) : q.field();
                PersonalDataAccessEntity a = access(null, field, PersonalDataAccess.Action.SEARCH, actor,
                        Stored.utc(clock.now()));
                String searched = SearchText.masked(text);
                a.searched = searched.length() > SEARCHED_MAX ? searched.substring(0, SEARCHED_MAX) : searched;
                a.results = found.total();
                em.persist(a);
            });
        }
        Set<CustomerField> hidden = CustomerField.hiddenFrom(actor, permissions);
        return found.map(c -> c.without(hidden));
    }

    @Override
    public Page<Customer> search(CustomerQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        CustomerQuery q = query == null ? CustomerQuery.text(null) : query;
        String text = q.text() == null ? "" : CustomerRules.searchForm(q.text());
        if (text.length() > CustomerRules.NAME_MAX) {
            throw DmsException.invalid("q", "too_long", "搜索内容过长", "search text is too long");
        }
        return jpa.txExpr(em -> {
            // name, mobile tail or the plate's owners, joined by OR: a generic plan walks the table by key
            if (mobileDigits(text) != null) {
                PlanPerSearch.fewMatches(em); // a mobile tail: some tens of customers
            } else if (!text.isEmpty()) {
                PlanPerSearch.forThisTransaction(em);
            }
            return conditions(q, text, em).page(em, "c.id DESC", page, JpaCustomerService::toCustomer);
        });
    }

    /** The digits of a text that can be part of a mobile number (four or more, spaces and dashes aside), else null. */
    static String mobileDigits(String text) {
        String digits = text.replaceAll("[\\s-]", "");
        return digits.length() >= 4 && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? digits : null;
    }

    private PagedSearch<CustomerEntity> conditions(CustomerQuery q, String text, EntityManager em) {
        PagedSearch<CustomerEntity> search = PagedSearch.of(CustomerEntity.class, "c");
        if (!text.isEmpty()) {
            List<String> any = new ArrayList<>();
            if (namePieces.answers(em, text)) {
                // no LIKE beside it: a prepared statement's generic plan would scan the whole trigram index for it
                any.add(NamePieces.condition("c", "piece"));
                search.with("piece", text);
            } else {
                any.add("c.nameSearch LIKE :name ESCAPE '\\'");
                search.with("name", Stored.containsPattern(text));
            }
            String digits = mobileDigits(text);
            if (q.mobileDigits() && digits != null) {
                // the tail (尾号) as the desk asks for it, or from seven digits the start (号段 and area): four
                // digits anywhere in the number matched ~15 times as many customers at a dealer group, each a row
                // to read, none of them the one meant
                any.add("c.mobile LIKE :mobile");
                search.with("mobile", "%" + digits);
                if (digits.length() >= 7) {
                    any.add("c.mobile LIKE :mobileStart");
                    search.with("mobileStart", digits + "%");
                }
            }
            if (!q.orAmongIds().isEmpty()) {
                any.add("c.id IN :ids");
                search.with("ids", List.copyOf(q.orAmongIds()));
            }
            search.where("(" + String.join(" OR ", any) + ")");
        }
        // the tags of the whole page in one query, not one per customer
        search.batch("tags");
        return search;
    }

    @Override
    public Mobile revealMobile(long id, Actor actor) {
        permissions.require(actor, "customer.mobile.reveal");
        return jpa.txExpr(em -> {
            CustomerEntity e = find(em, id);
            if (e.mobile == null) {
                throw DmsException.notFound("mobile", "该客户没有登记手机号", "this customer has no mobile on record");
            }
            record(em, id, "mobile", PersonalDataAccess.Action.READ, actor, Stored.utc(clock.now()));
            return Mobile.parse("mobile", e.mobile);
        });
    }

    @Override
    public List<PersonalDataAccess> personalDataAccess(long id, Actor actor) {
        permissions.require(actor, "customer.access-log.read");
        return jpa.txExpr(em -> {
            find(em, id);
            return em
                    .createQuery("SELECT a FROM PersonalDataAccessEntity a WHERE a.customerId = :id ORDER BY a.id DESC",
                            PersonalDataAccessEntity.class)
                    .setParameter("id", id).setMaxResults(500).getResultList().stream()
                    .map(a -> new PersonalDataAccess(a.customerId, a.field, a.action, a.actor, a.channel,
                            Stored.instant(a.accessedAt)))
                    .toList();
        });
    }

    @Override
    public Page<PersonalDataAccessEntry> personalDataAccessLog(PersonalDataAccessQuery query, PageRequest page,
            Actor actor) {
        permissions.require(actor, "customer.access-log.read");
        Objects.requireNonNull(page, "page");
        PersonalDataAccessQuery q = query == null ? PersonalDataAccessQuery.all() : query;
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw DmsException.invalid("to", "before_from", "结束日期不能早于开始日期", "to must not be before from");
        }
        PagedSearch<PersonalDataAccessEntity> search = PagedSearch.of(PersonalDataAccessEntity.class, "a");
        if (q.actor() != null && !q.actor().isBlank()) {
            search.where("a.actor = :actor", "actor", q.actor().strip());
        }
        if (q.action() != null) {
            search.where("a.action = :action", "action", q.action());
        }
        if (q.customerId() != null) {
            search.where("a.customerId = :customer", "customer", q.customerId());
        }
        if (q.from() != null) {
            search.where("a.accessedAt >= :from", "from", startOf(q.from()));
        }
        if (q.to() != null) {
            search.where("a.accessedAt < :to", "to", startOf(q.to().plusDays(1)));
        }
        return jpa.txExpr(em -> search.page(em, "a.id DESC", page,
                a -> new PersonalDataAccessEntry(a.id, a.customerId, a.field, a.action, a.searched, a.results,
                        a.actor, a.channel, Stored.instant(a.accessedAt))));
    }

    /** The start of a shop-local day, as the UTC timestamp the column holds. */
    private LocalDateTime startOf(LocalDate day) {
        return Stored.utc(day.atStartOfDay(clock.zone()).toInstant());
    }

    private static void apply(CustomerEntity e, CustomerRules.Valid valid, LocalDateTime now) {
        e.type = valid.type();
        e.name = valid.name();
        e.nameSearch = CustomerRules.searchForm(valid.name());
        e.mobile = valid.mobile() == null ? null : valid.mobile().value();
        e.wechatId = valid.wechatId();
        e.address = valid.address();
        e.tags.clear();
        e.tags.addAll(valid.tags());
        if (valid.marketingConsent() && !e.marketingConsent) {
            e.marketingConsentAt = now;
        } else if (!valid.marketingConsent()) {
            e.marketingConsentAt = null;
        }
        e.marketingConsent = valid.marketingConsent();
        e.note = valid.note();
    }

    private static void refuseDuplicateMobile(EntityManager em, Mobile mobile, Long exceptId) {
        if (mobile == null) {
            return;
        }
        List<Long> holders = new ArrayList<>(
                em.createQuery("SELECT c.id FROM CustomerEntity c WHERE c.mobile = :m", Long.class)
                        .setParameter("m", mobile.value()).getResultList());
        holders.remove(exceptId);
        if (!holders.isEmpty()) {
            throw duplicateMobile(holders.get(0));
        }
    }

    private static DmsException duplicateMobile(Long holder) {
        String who = holder == null ? "" : "（客户 " + holder + "）";
        String whoEn = holder == null ? "" : " (customer " + holder + ")";
        return DmsException.conflict("mobile", "mobile.duplicate", "该手机号已登记在另一位客户名下" + who,
                "this mobile already belongs to another customer" + whoEn);
    }

    /** A concurrent insert of the same mobile passes our check but not the unique constraint. */
    private static RuntimeException translate(PersistenceException e) {
        if (Failures.isUniqueViolation(e)) {
            return duplicateMobile(null);
        }
        if (StaleVersion.isOptimisticLock(e)) {
            return StaleVersion.refusal("客户资料", "the customer");
        }
        return e;
    }

    private static CustomerEntity find(EntityManager em, long id) {
        CustomerEntity e = em.find(CustomerEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "客户 " + id + " 不存在", "customer " + id + " does not exist");
        }
        return e;
    }

    private static void record(EntityManager em, long customerId, String field, PersonalDataAccess.Action action,
            Actor actor, LocalDateTime at) {
        em.persist(access(customerId, field, action, actor, at));
    }

    private static PersonalDataAccessEntity access(Long customerId, String field, PersonalDataAccess.Action action,
            Actor actor, LocalDateTime at) {
        PersonalDataAccessEntity a = new PersonalDataAccessEntity();
        a.customerId = customerId;
        a.field = field;
        a.action = action;
        a.actor = actor.username();
        a.channel = actor.channel();
        a.accessedAt = at;
        return a;
    }

    static Customer toCustomer(CustomerEntity e) {
        String masked = e.mobile == null ? null : Mobile.parse("mobile", e.mobile).masked();
        // sorted as the entity's TreeSet keeps them: read from the database, EclipseLink's own set has no order
        return new Customer(e.id, e.type, e.name, masked, e.wechatId, e.address, e.tags.stream().sorted().toList(),
                e.marketingConsent, Stored.instant(e.marketingConsentAt), e.note, e.createdAt(), e.createdBy(),
                e.updatedAt(), e.updatedBy(), e.version);
    }

}
