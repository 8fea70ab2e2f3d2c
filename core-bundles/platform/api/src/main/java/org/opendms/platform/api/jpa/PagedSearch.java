package org.opendms.platform.api.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;

/**
 * A search over one entity as a page: conditions (JPQL with named parameters, joined by AND) are collected first,
 * then {@link #page} counts and selects in the same transaction, so the total and the items agree.
 *
 * <pre>
 * PagedSearch&lt;PolicyEntity&gt; search = PagedSearch.of(PolicyEntity.class, "p");
 * search.where("p.kind = :kind", "kind", kind);
 * return jpa.txExpr(em -&gt; search.page(em, "p.endDate DESC, p.id DESC", page, Service::toPolicy));
 * </pre>
 */
public final class PagedSearch<E> {

    private final Class<E> entity;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

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

    /** The page in {@code orderBy} order (JPQL, with the alias; end it with a unique key so pages never overlap). */
    public <T> Page<T> page(EntityManager em, String orderBy, PageRequest page, Function<E, T> map) {
        String from = " FROM " + entity.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        TypedQuery<E> select = em.createQuery("SELECT " + alias + from + " ORDER BY " + orderBy, entity);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<T> items = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(map).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
