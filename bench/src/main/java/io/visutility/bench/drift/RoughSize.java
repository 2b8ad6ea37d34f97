package io.visutility.bench.drift;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A rough retained size of an object graph on a 64-bit HotSpot JVM with compressed references (the
 * default below 32 GiB of heap): a 12-byte header, 4 bytes per reference, primitive fields at their width,
 * each object rounded up to 8 bytes, and arrays at 16 bytes plus their elements. It follows every instance
 * field reachable from the root outside the JDK; objects of JDK classes are counted at their shallow size
 * and not entered, as the module system keeps their fields closed. Field packing and padding between
 * fields are ignored, so the figure is an estimate, good for comparing orders of magnitude.
 */
public final class RoughSize {
    private static final int HEADER = 12;
    private static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;

    private RoughSize() {
    }

    /** The estimated bytes of {@code root} and of everything it reaches, each object counted once. */
    public static long retained(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        long total = 0;
        while (!pending.isEmpty()) {
            Object o = pending.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                total += arraySize(o, pending);
                continue;
            }
            total += shallow(type);
            if (!open(type)) {
                continue;
            }
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || !open(c)) {
                        continue;
                    }
                    Object target = read(f, o);
                    if (target != null) {
                        pending.push(target);
                    }
                }
            }
        }
        return total;
    }

    /** The estimated bytes of one instance of {@code type}, its referents not included. */
    public static long shallow(Class<?> type) {
        long bytes = HEADER;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    bytes += width(f.getType());
                }
            }
        }
        return align(bytes);
    }

    private static long arraySize(Object array, Deque<Object> pending) {
        Class<?> element = array.getClass().getComponentType();
        int length = Array.getLength(array);
        if (!element.isPrimitive()) {
            for (int i = 0; i < length; i++) {
                Object e = Array.get(array, i);
                if (e != null) {
                    pending.push(e);
                }
            }
        }
        return align(ARRAY_HEADER + (long) length * width(element));
    }

    private static boolean open(Class<?> c) {
        Module m = c.getModule();
        return !m.isNamed() || !m.getName().startsWith("java.") && !m.getName().startsWith("jdk.");
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static int width(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        if (t == byte.class || t == boolean.class) {
            return 1;
        }
        return REFERENCE;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
