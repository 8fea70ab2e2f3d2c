package org.opendms.platform.api.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.persistence.metamodel.EntityType;

import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;

/**
 * A search over one entity as a page: conditions (JPQL with named parameters, joined by AND) are collected first,
 * then {@link #page} selects and counts in the same transaction, so the total and the items agree. The count is
 * exact up to {@link #COUNT_LIMIT} matches and a lower bound beyond ({@link Page#totalExact()} false): counting a
 * whole large table on every page would cost more than the page. A page that is not full needs no count at all.
 *
 * <pre>
 * PagedSearch&lt;PolicyEntity&gt; search = PagedSearch.of(PolicyEntity.class, "p");
 * search.where("p.kind = :kind", "kind", kind);
 * return jpa.txExpr(em -&gt; search.page(em, "p.endDate DESC, p.id DESC", page, Service::toPolicy));
 * </pre>
 */
public final class PagedSearch<E> {

    /** Matches are counted exactly up to this many; beyond, the total says "at least". */
    public static final int COUNT_LIMIT = 1000;

    private final Class<E> entity;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> batched = new ArrayList<>();

    private PagedSearch(Class<E> entity, String alias) {
        this.entity = entity;
        this.alias = alias;
    }

    /** A search over {@code entity}, named {@code alias} in the conditions. */
    public static <E> PagedSearch<E> of(Class<E> entity, String alias) {
        return new PagedSearch<>(entity, alias);
    }

    /** Adds a condition without parameters. */
    public PagedSearch<E> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a condition with one named parameter. */
    public PagedSearch<E> where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Sets a named parameter of a condition added with {@link #where(String)} (one with several, say). */
    public PagedSearch<E> with(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /**
     * Reads a collection of the entities found (e.g. {@code "tags"}) for the whole page in one query instead of one
     * query per entity.
     */
    public PagedSearch<E> batch(String attribute) {
        batched.add(alias + "." + attribute);
        return this;
    }

    /** The page in {@code orderBy} order (JPQL, with the alias; end it with a unique key so pages never overlap). */
    public <T> Page<T> page(EntityManager em, String orderBy, PageRequest page, Function<E, T> map) {
        String from = " FROM " + entity.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        String key = key(em);
        if (!conditions.isEmpty() && orderBy.trim().equals(key + " DESC")) {
            Page<T> found = newestFromKeys(em, from, key, page, map);
            if (found != null) {
                return found;
            }
        }
        TypedQuery<E> select = em.createQuery("SELECT " + alias + from + " ORDER BY " + orderBy, entity);
        bind(select);
        batch(select);
        List<E> rows = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total;
        boolean exact;
        if (rows.size() < page.size() && (!rows.isEmpty() || page.offset() == 0)) {
            total = (long) page.offset() + rows.size(); // the last page: everything before it was full
            exact = true;
        } else if (!rows.isEmpty() && (long) page.offset() + page.size() >= COUNT_LIMIT) {
            total = (long) page.offset() + rows.size(); // far down the list: at least what was passed and shown
            exact = false;
        } else {
            // how many there are, up to the limit: reads at most COUNT_LIMIT + 1 keys, never the whole table
            TypedQuery<Object> keys = em.createQuery("SELECT " + key + from, Object.class);
            bind(keys);
            int found = keys.setMaxResults(COUNT_LIMIT + 1).getResultList().size();
            exact = found <= COUNT_LIMIT;
            total = Math.min(found, COUNT_LIMIT);
        }
        return new Page<>(rows.stream().map(map).toList(), page.page(), page.size(), total, exact);
    }

    /**
     * A search newest first, from its keys: they are read first, in whatever order the database finds them fastest
     * (at most {@link #COUNT_LIMIT} + 1), and the page is the newest of them, read by key. Asked for the newest
     * matches directly, PostgreSQL may walk the primary key backwards expecting to meet them soon: a VIN's last six
     * that match one old vehicle of a million made it read every row (268-674 ms instead of 2 ms). Null when there
     * are more matches than the limit: they are common enough for that walk to be the fast way.
     */
    private <T> Page<T> newestFromKeys(EntityManager em, String from, String key, PageRequest page,
            Function<E, T> map) {
        TypedQuery<Object> keys = em.createQuery("SELECT " + key + from, Object.class);
        bind(keys);
        List<Object> found = keys.setMaxResults(COUNT_LIMIT + 1).getResultList();
        if (found.size() > COUNT_LIMIT) {
            return null;
        }
        List<Object> newest = new ArrayList<>(found);
        newest.sort(Collections.reverseOrder(PagedSearch::compareKeys));
        List<Object> onPage = newest.subList(Math.min(page.offset(), newest.size()),
                (int) Math.min((long) page.offset() + page.size(), newest.size()));
        List<E> rows = List.of();
        if (!onPage.isEmpty()) {
            TypedQuery<E> select = em.createQuery(
                    "SELECT " + alias + " FROM " + entity.getSimpleName() + " " + alias + " WHERE " + key
                            + " IN :pageKeys ORDER BY " + key + " DESC",
                    entity);
            select.setParameter("pageKeys", onPage);
            select.setHint("eclipselink.jdbc.bind-parameters", "true");
            batch(select);
            rows = select.getResultList();
        }
        return new Page<>(rows.stream().map(map).toList(), page.page(), page.size(), found.size(), true);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compareKeys(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private String key(EntityManager em) {
        EntityType<E> type = em.getMetamodel().entity(entity);
        return alias + "." + type.getId(type.getIdType().getJavaType()).getName();
    }

    private void batch(TypedQuery<E> select) {
        if (!batched.isEmpty()) {
            // EclipseLink's batch reading: one "... WHERE owner IN (ids of the page)" per collection
            select.setHint("eclipselink.batch.type", "IN");
            batched.forEach(attribute -> select.setHint("eclipselink.batch", attribute));
        }
    }

    /**
     * Binds the parameters, and keeps them bound: on Derby a LIKE ... ESCAPE made EclipseLink write every parameter
     * into the SQL text, and an inlined TRUE became 1, which Derby refuses to compare with a BOOLEAN column.
     */
    private void bind(TypedQuery<?> query) {
        parameters.forEach(query::setParameter);
        query.setHint("eclipselink.jdbc.bind-parameters", "true");
    }
}
