package org.opendms.platform.api.component;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The services bound to a greedy, dynamic, multiple reference, each got when the component first uses the list
 * instead of when the component starts. A service's listeners and rules usually hold that service themselves (a static
 * reference): had the service got them while starting, starting either side reached the other half-started, a cycle
 * Felix logs as an error and after which the JAX-RS whiteboard may give up on a REST resource for good. Bind the
 * reference through methods that take {@link ComponentServiceObjects} (the component framework then gets nothing at
 * bind) and keep what they return in the list field the component reads:
 *
 * <pre>
 * private final LateServices&lt;WorkOrderListener&gt; boundListeners = new LateServices&lt;&gt;();
 * volatile List&lt;WorkOrderListener&gt; listeners = List.of();
 *
 * &#64;Reference(service = WorkOrderListener.class, cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY, unbind = "unbindListener")
 * void bindListener(ComponentServiceObjects&lt;WorkOrderListener&gt; l) {
 *     listeners = boundListeners.bind(l);
 * }
 *
 * void unbindListener(ComponentServiceObjects&lt;WorkOrderListener&gt; l) {
 *     listeners = boundListeners.unbind(l);
 * }
 * </pre>
 *
 * The lists are in the order the component framework gives a list field: {@link ServiceReference} order, the lowest
 * service ranking first. Each service is got once
 * and kept; the component framework releases it when it is unbound. A service that cannot be got (its bundle
 * stopping) is left out.
 */
public final class LateServices<T> {

    private final Map<ServiceReference<T>, ComponentServiceObjects<T>> bound = new TreeMap<>();
    private final Map<ServiceReference<T>, T> got = new ConcurrentHashMap<>();
    /** The list of the last bind or unbind: an older list, kept by a field assigned late, reads as this one. */
    private volatile Late latest;

    /** The list with this service added. */
    public synchronized List<T> bind(ComponentServiceObjects<T> objects) {
        bound.put(objects.getServiceReference(), objects);
        latest = new Late(List.copyOf(bound.values()));
        return latest;
    }

    /** The list without this service. */
    public synchronized List<T> unbind(ComponentServiceObjects<T> objects) {
        ServiceReference<T> ref = objects.getServiceReference();
        bound.remove(ref);
        got.remove(ref);
        latest = new Late(List.copyOf(bound.values()));
        return latest;
    }

    private T service(ComponentServiceObjects<T> objects) {
        ServiceReference<T> ref = objects.getServiceReference();
        T service = got.get(ref);
        if (service == null) {
            try {
                service = objects.getService();
            } catch (RuntimeException stoppingOrStarting) {
                return null;
            }
            if (service != null) {
                synchronized (this) {
                    if (bound.containsKey(ref)) { // not kept once unbound: the framework has released it
                        T earlier = got.putIfAbsent(ref, service);
                        service = earlier != null ? earlier : service;
                    }
                }
            }
        }
        return service;
    }

    /**
     * An unmodifiable list that gets its services the first time it is read. Each read (an iteration, a stream, a copy)
     * sees one state: the bound services of the last bind or unbind.
     */
    private final class Late extends AbstractList<T> {

        private final List<ComponentServiceObjects<T>> objects;
        private volatile List<T> services;

        Late(List<ComponentServiceObjects<T>> objects) {
            this.objects = objects;
        }

        private List<T> services() {
            Late last = latest;
            if (last != null && last != this) {
                return last.services(); // a bind and an unbind on two threads assigned their lists out of order
            }
            List<T> s = services;
            if (s == null) {
                List<T> list = new ArrayList<>(objects.size());
                for (ComponentServiceObjects<T> o : objects) {
                    T service = service(o);
                    if (service != null) {
                        list.add(service);
                    }
                }
                s = List.copyOf(list);
                if (s.size() == objects.size()) {
                    services = s; // all got: kept; otherwise asked again next time
                }
            }
            return s;
        }

        @Override
        public T get(int index) {
            return services().get(index);
        }

        @Override
        public int size() {
            return services().size();
        }

        @Override
        public boolean isEmpty() {
            return services().isEmpty();
        }

        @Override
        public Iterator<T> iterator() {
            return services().iterator();
        }

        @Override
        public ListIterator<T> listIterator(int index) {
            return services().listIterator(index);
        }

        @Override
        public Spliterator<T> spliterator() {
            return services().spliterator();
        }

        @Override
        public Stream<T> stream() {
            return services().stream();
        }

        @Override
        public void forEach(Consumer<? super T> action) {
            services().forEach(action);
        }

        @Override
        public Object[] toArray() {
            return services().toArray();
        }

        @Override
        public <A> A[] toArray(A[] a) {
            return services().toArray(a);
        }
    }
}
