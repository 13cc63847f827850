package dev.jdbccache.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jdbccache.driver.result.DelegatingResultSet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of each JDBC interface, default methods included, is implemented by our wrapper
 * itself: a default method left to the interface would answer with the JDK's default (often
 * "not supported") instead of the real driver's behaviour.
 */
class WrapperCompletenessTest {

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of(Connection.class, DelegatingConnection.class),
                Arguments.of(Connection.class, CachingConnection.class),
                Arguments.of(Statement.class, DelegatingStatement.class),
                Arguments.of(Statement.class, CachingStatement.class),
                Arguments.of(PreparedStatement.class, DelegatingPreparedStatement.class),
                Arguments.of(PreparedStatement.class, CachingPreparedStatement.class),
                Arguments.of(CallableStatement.class, DelegatingCallableStatement.class),
                Arguments.of(CallableStatement.class, CachingCallableStatement.class),
                Arguments.of(DatabaseMetaData.class, DelegatingDatabaseMetaData.class),
                Arguments.of(ResultSet.class, DelegatingResultSet.class));
    }

    @ParameterizedTest(name = "{1} implements every method of {0}")
    @MethodSource("wrappers")
    void everyInterfaceMethodIsImplementedByTheWrapper(Class<?> api, Class<?> wrapper) throws NoSuchMethodException {
        List<String> leftToTheInterface = new ArrayList<>();
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method implementation = wrapper.getMethod(method.getName(), method.getParameterTypes());
            if (implementation.getDeclaringClass().isInterface()) {
                leftToTheInterface.add(method.toString());
            }
        }
        assertEquals(List.of(), leftToTheInterface);
    }
}
