package eu.lexbridge.backend.soap.service;

import jakarta.activation.DataHandler;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a message between the two namespace generations. Both generations' classes are generated from one contract
 * text, so they are twins: same simple names, same fields. Copying field by field keeps one implementation of the
 * service for both; payloads ({@link DataHandler}) are handed over, not read, so they still stream.
 *
 * <p>A field that the twin lacks is a contract that has drifted apart: that fails loudly instead of losing a value.
 */
final class TwinCopy {

    private TwinCopy() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T copy(Object source, Class<T> target) {
        if (source == null) {
            return null;
        }
        if (source instanceof String || source instanceof Boolean || source instanceof Number
                || source instanceof DataHandler || source instanceof byte[]) {
            return (T) source;
        }
        if (source instanceof Enum<?> constant) {
            return (T) Enum.valueOf((Class<? extends Enum>) target, constant.name());
        }
        if (!source.getClass().getSimpleName().equals(target.getSimpleName())) {
            throw new IllegalArgumentException(source.getClass().getName() + " has no twin " + target.getName());
        }
        try {
            T copy = target.getDeclaredConstructor().newInstance();
            for (Field from : source.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(from.getModifiers())) {
                    continue;
                }
                Field to = target.getDeclaredField(from.getName());
                from.setAccessible(true);
                to.setAccessible(true);
                Object value = from.get(source);
                if (value instanceof List<?> list) {
                    Class<?> element = (Class<?>) ((ParameterizedType) to.getGenericType()).getActualTypeArguments()[0];
                    List<Object> copied = new ArrayList<>(list.size());
                    list.forEach(item -> copied.add(copy(item, element)));
                    to.set(copy, copied);
                } else if (value != null) {
                    to.set(copy, copy(value, to.getType()));
                }
            }
            return copy;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the namespace generations have drifted apart: " + e.getMessage(), e);
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
                 | InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + source.getClass().getName(), e);
        }
    }
}
