package dev.benchdeck.engine.driver;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The driver factories available on the class path, by name. */
public final class Drivers {

    private final Map<String, DriverFactory> byName;

    private Drivers(Map<String, DriverFactory> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Drivers discover() {
        Map<String, DriverFactory> found = new TreeMap<>();
        for (DriverFactory factory : ServiceLoader.load(DriverFactory.class)) {
            found.put(factory.name(), factory);
        }
        return new Drivers(found);
    }

    public static Drivers of(DriverFactory... factories) {
        Map<String, DriverFactory> found = new TreeMap<>();
        for (DriverFactory factory : factories) {
            found.put(factory.name(), factory);
        }
        return new Drivers(found);
    }

    public Optional<DriverFactory> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
        return new java.util.TreeSet<>(byName.keySet());
    }
}
