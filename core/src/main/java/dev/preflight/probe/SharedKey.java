package dev.preflight.probe;

import java.util.List;
import java.util.Objects;

/**
 * Names a value that probes compute once and share through {@link ProbeContext#shared}: one page
 * fetch or one handshake for all of a site's probes, one DNS answer for every domain of a run. The
 * key carries the value's type, so a reader gets the type the writer stored, and its scope: one
 * value per target (the default) or one for the whole run.
 *
 * <p>Two keys are equal when their names, types and scopes are. Immutable and thread-safe; build
 * the name from what determines the value, prefixed with the owning family, e.g.
 * {@code "http.page@127.0.0.1:GET https://shop.example.com/"}.
 *
 * <pre>{@code
 * SharedKey<Page> key = SharedKey.perTarget("http.page@" + address + ":" + url, Page.class);
 * Page page = context.shared(key, () -> fetch(url));
 * }</pre>
 *
 * @param <T> the value's type
 * @since 0.2
 */
public final class SharedKey<T> {

    /** How widely a value is shared. */
    public enum Scope {
        /** One value per target: the target's probes share it. */
        TARGET,
        /** One value for the run: every probe of every target shares it, e.g. a DNS answer. */
        RUN
    }

    private final String name;
    private final Class<?> type;
    private final Scope scope;

    private SharedKey(String name, Class<?> type, Scope scope) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.scope = scope;
    }

    /**
     * @param name the value's name
     * @param type the value's type
     * @param <T> the value's type
     * @return a key for one value per target
     */
    public static <T> SharedKey<T> perTarget(String name, Class<T> type) {
        return new SharedKey<>(name, type, Scope.TARGET);
    }

    /**
     * @param name the value's name
     * @param type the value's type
     * @param <T> the value's type
     * @return a key for one value shared by every target of the run
     */
    public static <T> SharedKey<T> perRun(String name, Class<T> type) {
        return new SharedKey<>(name, type, Scope.RUN);
    }

    /**
     * @param name the value's name
     * @param element the type of the list's elements
     * @param scope how widely it is shared
     * @param <E> the type of the list's elements
     * @return a key for a list value
     */
    public static <E> SharedKey<List<E>> listOf(String name, Class<E> element, Scope scope) {
        return new SharedKey<>(name + "[" + element.getName() + "]", List.class, scope);
    }

    /** @return the value's name */
    public String name() {
        return name;
    }

    /** @return how widely the value is shared */
    public Scope scope() {
        return scope;
    }

    /**
     * @param value a value stored under this key
     * @return the value as the key's type
     * @throws ClassCastException if it is not of the key's type
     */
    @SuppressWarnings("unchecked")
    public T cast(Object value) {
        return (T) type.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedKey<?> k && k.name.equals(name) && k.type == type && k.scope == scope;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, scope);
    }

    @Override
    public String toString() {
        return name + " (" + scope.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
