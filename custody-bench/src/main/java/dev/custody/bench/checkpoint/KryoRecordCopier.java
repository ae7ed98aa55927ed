package dev.custody.bench.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.serializers.RecordSerializer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Kryo's {@link RecordSerializer} treats records as immutable and "copies" them by returning
 * the original. For a fair deep-copy comparison (every other method copies the rules), this
 * subclass copies each component with {@code kryo.copy} (so Kryo's reference tracking applies)
 * and calls the canonical constructor reflectively, as Kryo itself does when reading.
 *
 * @param <T> the record type
 */
final class KryoRecordCopier<T extends Record> extends RecordSerializer<T> {
  private final Method[] accessors;
  private final Constructor<T> constructor;

  KryoRecordCopier(Class<T> type) {
    super(type);
    setImmutable(false);
    RecordComponent[] components = type.getRecordComponents();
    accessors = new Method[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      accessors[i] = components[i].getAccessor();
      types[i] = components[i].getType();
    }
    try {
      constructor = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no canonical constructor in " + type, e);
    }
  }

  @Override
  public T copy(Kryo kryo, T original) {
    try {
      Object[] args = new Object[accessors.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = kryo.copy(accessors[i].invoke(original));
      }
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new KryoException("cannot copy " + original.getClass().getName(), e);
    }
  }
}
