package org.vigil.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The coordination engines on the class path, found through {@link ServiceLoader}: a module that
 * brings an engine lists it in {@code META-INF/services/org.vigil.coordination.CoordinationEngine}.
 * This module brings {@link InProcessCoordinationEngine} ("in-process"), the default.
 */
public final class CoordinationEngines {
    /** The name of the engine used when none is asked for. */
    public static final String DEFAULT = "in-process";

    private CoordinationEngines() {
    }

    /** Every engine found, by name (sorted); two engines of one name are an error. */
    public static Map<String, CoordinationEngine> available() {
        return available(Thread.currentThread().getContextClassLoader());
    }

    /** As {@link #available()}, looking in {@code loader}. */
    public static Map<String, CoordinationEngine> available(ClassLoader loader) {
        Map<String, CoordinationEngine> byName = new TreeMap<>();
        for (CoordinationEngine engine : ServiceLoader.load(CoordinationEngine.class, loader)) {
            CoordinationEngine earlier = byName.putIfAbsent(engine.name(), engine);
            if (earlier != null) {
                throw new IllegalStateException("two coordination engines are named '" + engine.name() + "': "
                        + earlier.getClass().getName() + " and " + engine.getClass().getName());
            }
        }
        return byName;
    }

    /** The engine called {@code name}; an unknown name is an error that lists the known ones. */
    public static CoordinationEngine named(String name) {
        Map<String, CoordinationEngine> byName = available();
        CoordinationEngine engine = byName.get(name);
        if (engine == null) {
            List<String> known = new ArrayList<>(byName.keySet());
            throw new IllegalArgumentException("no coordination engine named '" + name + "'; known: " + known);
        }
        return engine;
    }
}
