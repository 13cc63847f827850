package dev.jdbccache.driver.metrics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * The JMX view of one cache: every number of its stats as a read-only attribute (names as in
 * {@code docs/operations.md}) and the operations {@code invalidateTable(String)},
 * {@code invalidateAll()} and {@code resetStats()}. Registered as
 * {@code dev.jdbccache:type=Cache,name="<cache name>"} (with {@code ,instance=N} added when
 * another cache of the same name is registered in the JVM already).
 *
 * <p>The attribute set is fixed when the bean is created (the keys of the first snapshot), so
 * JMX clients that cache {@link MBeanInfo} stay correct. Thread-safe.
 */
public final class CacheMBean implements DynamicMBean {

    /** The JMX domain of jdbc-cache's beans. */
    public static final String DOMAIN = "dev.jdbccache";

    private final Supplier<Map<String, Object>> attributes;
    private final Consumer<String> invalidateTable;
    private final Runnable invalidateAll;
    private final Runnable resetStats;
    private final MBeanInfo info;

    /**
     * @param attributes a snapshot of the stats by name; values are {@code Long}, {@code Double},
     *                   {@code String} or {@code String[]}, and every snapshot has the same keys
     */
    public CacheMBean(String cacheName, Supplier<Map<String, Object>> attributes, Consumer<String> invalidateTable,
            Runnable invalidateAll, Runnable resetStats) {
        this.attributes = attributes;
        this.invalidateTable = invalidateTable;
        this.invalidateAll = invalidateAll;
        this.resetStats = resetStats;
        List<MBeanAttributeInfo> infos = new ArrayList<>();
        attributes.get().forEach((name, value) -> infos.add(new MBeanAttributeInfo(name, typeOf(value),
                name, true, false, false)));
        MBeanOperationInfo[] operations = {
            new MBeanOperationInfo("invalidateTable", "Invalidates the cached results that read this table (name as written in SQL)",
                    new MBeanParameterInfo[] {new MBeanParameterInfo("table", String.class.getName(), "table name")},
                    "void", MBeanOperationInfo.ACTION),
            new MBeanOperationInfo("invalidateAll", "Invalidates every cached result of this cache",
                    new MBeanParameterInfo[0], "void", MBeanOperationInfo.ACTION),
            new MBeanOperationInfo("resetStats", "Sets every counter of this cache back to zero",
                    new MBeanParameterInfo[0], "void", MBeanOperationInfo.ACTION),
        };
        this.info = new MBeanInfo(CacheMBean.class.getName(), "jdbc-cache '" + cacheName + "'",
                infos.toArray(new MBeanAttributeInfo[0]), null, operations, null);
    }

    private static String typeOf(Object value) {
        return value == null ? String.class.getName() : value.getClass().getName();
    }

    /** The name under which a cache's bean is registered (without an instance number). */
    public static ObjectName objectName(String cacheName) {
        try {
            return new ObjectName(DOMAIN + ":type=Cache,name=" + ObjectName.quote(cacheName));
        } catch (JMException e) {
            throw new IllegalArgumentException(e); // cannot happen: the name is quoted
        }
    }

    /**
     * Registers this bean in the platform MBean server under {@link #objectName}, or with
     * {@code ,instance=2}, {@code 3}, ... when that name is taken.
     *
     * @return the name it was registered under
     * @throws JMException when registration fails
     */
    public ObjectName register(String cacheName) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName base = objectName(cacheName);
        for (int instance = 1; ; instance++) {
            ObjectName name = instance == 1 ? base
                    : new ObjectName(base.getCanonicalName() + ",instance=" + instance);
            try {
                server.registerMBean(this, name);
                return name;
            } catch (InstanceAlreadyExistsException e) {
                if (instance >= 1000) {
                    throw e;
                }
            }
        }
    }

    /** Unregisters the bean registered as {@code name}; nothing when it is not registered. */
    public static void unregister(ObjectName name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            // already gone: nothing to undo
        }
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException {
        Map<String, Object> snapshot = attributes.get();
        if (!snapshot.containsKey(name)) {
            throw new AttributeNotFoundException(name);
        }
        return snapshot.get(name);
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        Map<String, Object> snapshot = attributes.get();
        AttributeList result = new AttributeList();
        for (String name : names) {
            if (snapshot.containsKey(name)) {
                result.add(new Attribute(name, snapshot.get(name)));
            }
        }
        return result;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws ReflectionException {
        int arity = params == null ? 0 : params.length;
        switch (operation) {
            case "invalidateTable" -> {
                if (arity != 1 || !(params[0] instanceof String table)) {
                    throw new ReflectionException(new IllegalArgumentException("invalidateTable takes one table name"));
                }
                invalidateTable.accept(table);
            }
            case "invalidateAll" -> invalidateAll.run();
            case "resetStats" -> resetStats.run();
            default -> throw new ReflectionException(new NoSuchMethodException(operation));
        }
        return null;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
