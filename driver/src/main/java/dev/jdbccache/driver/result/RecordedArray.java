package dev.jdbccache.driver.result;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;

/**
 * An SQL array materialized at recording time: base type, and the elements as the real driver's
 * {@code Array.getArray()} gave them, with the Java component type it used ({@code Integer[]} for
 * pgjdbc, {@code Object[]} for H2). Immutable; every {@link #getArray()} returns a fresh copy, so
 * one instance can be handed to any number of readers. {@link #free()} is a no-op.
 */
final class RecordedArray implements Array {
  private final int baseType;
  private final String baseTypeName;
  private final Class<?> componentType;
  private final Object[] elements; // known scalars, null, or nested RecordedArray
  private final boolean sqlArrayShape; // getObject returned java.sql.Array (else a Java array)

  RecordedArray(int baseType, String baseTypeName, Class<?> componentType, Object[] elements,
      boolean sqlArrayShape) {
    this.baseType = baseType;
    this.baseTypeName = baseTypeName == null ? "" : baseTypeName;
    this.componentType = componentType;
    this.elements = elements;
    this.sqlArrayShape = sqlArrayShape;
  }

  /**
   * Captures a Java array as returned by {@code Array.getArray()}, or returns null when it holds
   * something that may not be recorded.
   */
  static RecordedArray capture(int baseType, String baseTypeName, Object javaArray,
      boolean sqlArrayShape) {
    if (!(javaArray instanceof Object[] source)) {
      return null; // primitive arrays are not produced by the supported drivers
    }
    Class<?> component = source.getClass().getComponentType();
    if (!isKnownComponent(component)) {
      return null;
    }
    Object[] copy = new Object[source.length];
    for (int i = 0; i < source.length; i++) {
      Object e = source[i];
      if (e instanceof Object[]) {
        RecordedArray nested = capture(baseType, baseTypeName, e, false);
        if (nested == null) {
          return null;
        }
        copy[i] = nested;
      } else if (CellValues.isScalar(e)) {
        copy[i] = CellValues.copy(e);
      } else {
        return null;
      }
    }
    return new RecordedArray(baseType, baseTypeName, component, copy, sqlArrayShape);
  }

  static boolean isKnownComponent(Class<?> c) {
    while (c.isArray() && c != byte[].class) {
      c = c.getComponentType();
    }
    return c == Object.class || CellValues.SCALARS.contains(c);
  }

  int baseTypeCode() {
    return baseType;
  }

  String baseTypeNameText() {
    return baseTypeName;
  }

  Class<?> componentType() {
    return componentType;
  }

  int length() {
    return elements.length;
  }

  /** Element i as recorded (no copy): a scalar, null, or a nested RecordedArray. */
  Object element(int i) {
    return elements[i];
  }

  boolean sqlArrayShape() {
    return sqlArrayShape;
  }

  /** What getObject returns for this cell: this (a java.sql.Array) or a fresh Java array. */
  Object objectValue() {
    return sqlArrayShape ? this : toJavaArray(0, elements.length);
  }

  long estimatedBytes() {
    long size = 48 + 16 + 4L * elements.length;
    for (Object e : elements) {
      size += CellValues.estimate(e);
    }
    return size;
  }

  private Object[] toJavaArray(int from, int count) {
    Object[] out = (Object[]) java.lang.reflect.Array.newInstance(componentType, count);
    for (int i = 0; i < count; i++) {
      Object e = elements[from + i];
      out[i] = e instanceof RecordedArray nested ? nested.toJavaArray(0, nested.length()) : CellValues.copy(e);
    }
    return out;
  }

  @Override
  public String getBaseTypeName() {
    return baseTypeName;
  }

  @Override
  public int getBaseType() {
    return baseType;
  }

  @Override
  public Object getArray() {
    return toJavaArray(0, elements.length);
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    requireNoTypeMap(map);
    return getArray();
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    if (index < 1 || count < 0 || index - 1 + count > elements.length) {
      throw new SQLException("array slice out of range: index " + index + ", count " + count
          + ", length " + elements.length, "22023");
    }
    return toJavaArray((int) (index - 1), count);
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    requireNoTypeMap(map);
    return getArray(index, count);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw new SQLFeatureNotSupportedException("getResultSet on a cached array is not supported",
        "0A000");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    return getResultSet();
  }

  @Override
  public void free() {
    // Shared and immutable: nothing to release.
  }

  private static void requireNoTypeMap(Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw new SQLFeatureNotSupportedException("custom type maps are not supported", "0A000");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordedArray a)) {
      return false;
    }
    return baseType == a.baseType && baseTypeName.equals(a.baseTypeName)
        && componentType == a.componentType && sqlArrayShape == a.sqlArrayShape
        && java.util.Arrays.deepEquals(elements, a.elements);
  }

  @Override
  public int hashCode() {
    return baseType * 31 + elements.length;
  }

  @Override
  public String toString() {
    return baseTypeName + java.util.Arrays.deepToString(elements);
  }
}
