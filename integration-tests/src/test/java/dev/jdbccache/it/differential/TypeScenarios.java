package dev.jdbccache.it.differential;

import static dev.jdbccache.it.differential.Database.H2;
import static dev.jdbccache.it.differential.Database.POSTGRESQL;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every SQL type both databases share, stored in a column and read back (values, NULLs, metadata),
 * and the getters that convert them.
 */
final class TypeScenarios {

    private TypeScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                column("smallint_roundTripsExtremesAndNull", "smallint",
                        "-32768", "0", "32767"),
                column("integer_roundTripsExtremesAndNull", "integer",
                        "-2147483648", "0", "2147483647"),
                column("bigint_roundTripsExtremesAndNull", "bigint",
                        "-9223372036854775808", "0", "9223372036854775807"),
                column("numericWithScale_keepsScaleOfEveryValue", "numeric(12,3)",
                        "12.3", "-0.001", "123456789.123", "0"),
                column("numericWithoutScale_keepsIntegralValues", "numeric(38,0)",
                        "12345678901234567890123456789012345678", "-1", "0"),
                Scenario.everywhere("real_roundTripsFractionsAndSpecialValues", columnBody(db -> "real", db -> List.of("1.5", "-0.25",
                        "3.4e38", "cast('NaN' as real)", "cast('Infinity' as real)",
                        "cast('-Infinity' as real)"))),
                Scenario.everywhere("doublePrecision_roundTripsFractionsAndSpecialValues", columnBody(db -> "double precision",
                        db -> List.of("1.5", "0.1", "-1e-300", "1.7976931348623157e308",
                                "cast('NaN' as double precision)",
                                "cast('Infinity' as double precision)",
                                "cast('-Infinity' as double precision)"))),
                column("boolean_roundTripsTrueFalseAndNull", "boolean", "true", "false"),
                column("char_padsShortValuesWithBlanks", "char(5)", "'ab'", "'abcde'", "''"),
                column("varchar_keepsEmptyStringsBlanksAndUnicode", "varchar(40)",
                        "'hello'", "''", "' spaced '", "'ünïcødé ✓ 日本'", "'it''s'"),
                column("text_roundTripsLongValues", "text", "'short'", "repeat('xyz', 3000)"),
                Scenario.both("binary_roundTripsBytes", columnBody(db -> db.pick("varbinary(100)", "bytea"),
                                db -> db.isH2() ? List.of("X'00ff10'", "X''", "X'deadbeef'")
                                        : List.of("'\\x00ff10'::bytea", "''::bytea",
                                        "decode('deadbeef', 'hex')"))),
                column("date_roundTripsLeapDaysAndDistantDates", "date",
                        "date '2024-02-29'", "date '1970-01-01'", "date '1900-01-01'",
                        "date '9999-12-31'"),
                column("time_roundTripsFractionalSeconds", "time(6)",
                        "time '13:45:56.123456'", "time '00:00:00'", "time '23:59:59.999999'"),
                column("timestamp_roundTripsMicroseconds", "timestamp(6)",
                        "timestamp '2024-02-29 13:45:56.123456'",
                        "timestamp '1969-12-31 23:59:59.999999'",
                        "timestamp '2000-01-01 00:00:00'"),
                pgAndH2Column("timestampWithTimeZone_roundTripsInstantsAndOffsets",
                        "timestamp(6) with time zone",
                        "timestamp with time zone '2024-02-29 13:45:56.123456+02:00'",
                        "timestamp with time zone '1970-01-01 00:00:00+00:00'",
                        "timestamp with time zone '2024-07-01 23:30:00-09:30'"),
                pgAndH2Column("timeWithTimeZone_roundTripsOffsets", "time(6) with time zone",
                        "time with time zone '13:45:56.5+02:00'",
                        "time with time zone '00:00:00+00:00'"),
                column("uuid_roundTripsValues", "uuid",
                        "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
                        "'00000000-0000-0000-0000-000000000000'"),
                Scenario.both("integerArray_roundTripsElementsNullsAndEmpty", columnBody(db -> db.arrayOf("integer"), db -> List.of("ARRAY[1,2,3]",
                                "ARRAY[1,NULL,3]", db.pick("ARRAY[]", "'{}'::integer[]")))),
                Scenario.both("varcharArray_roundTripsElementsWithSeparatorsAndNulls", columnBody(db -> db.arrayOf("varchar(20)"), db -> List.of(
                                "ARRAY['a','b,c','\"q\"']", "ARRAY[NULL,'x']", "ARRAY['']"))),
                Scenario.both("interval_roundTripsDayTimeIntervals", columnBody(db -> db.pick("interval day to second", "interval"),
                                db -> db.isH2()
                                        ? List.of("INTERVAL '1 02:03:04.5' DAY TO SECOND",
                                        "INTERVAL '-3 00:00:00' DAY TO SECOND")
                                        : List.of("interval '1 day 02:03:04.5'",
                                        "interval '-3 days'"))),
                Scenario.everywhere("json_roundTripsDocuments", columnBody(db -> db.pick("json", "json"), db -> db.isH2()
                                ? List.of("JSON '{\"a\":1,\"b\":[true,null]}'", "JSON '\"s\"'")
                                : List.of("'{\"a\":1,\"b\":[true,null]}'", "'\"s\"'"))),
                Scenario.only(POSTGRESQL, "jsonb_roundTripsNormalizedDocuments",
                        columnBody(db -> "jsonb", db -> List.of("'{\"b\":2, \"a\":1}'", "'[]'"))),
                Scenario.only(POSTGRESQL, "numericUnconstrained_keepsEachValuesOwnScale",
                        columnBody(db -> "numeric", db -> List.of("1.50", "1e-20", "100",
                                "'NaN'"))),
                Scenario.only(H2, "decfloat_roundTripsValues",
                        columnBody(db -> "decfloat", db -> List.of("1.50", "1e-20", "100"))),
                Scenario.both("nullsOfEveryType_readAsDefaultsWithWasNull",
                        TypeScenarios::nullsOfEveryType),
                Scenario.both("getObjectWithJavaTimeClass_convertsTemporalColumns",
                        TypeScenarios::javaTimeConversions),
                Scenario.everywhere("getObjectWithClass_convertsNumbersStringsAndUuids",
                        TypeScenarios::classConversions),
                Scenario.everywhere("typedGetters_convertAcrossColumnTypes",
                        TypeScenarios::typedGetters),
                Scenario.both("calendarGetters_shiftTemporalValuesIntoTheCalendarsZone",
                        TypeScenarios::calendarGetters),
                Scenario.everywhere("expressionColumns_haveTypesButNoTable", (c, t) ->
                        t.query(c, "select 1 as one, 1.5 as onefive, 'a' as str, true as flag,"
                                + " null as nothing, cast(2 as bigint) as big,"
                                + " cast(7 as numeric(5,2)) as num, 7 / 2 as intdiv,"
                                + " cast(7 as double precision) / 2 as dbl")),
                Scenario.everywhere("columnLabels_resolveAliasesDuplicatesAndCase",
                        TypeScenarios::columnLabels));
    }

    /** A column type all three databases accept under the same name. */
    private static Scenario column(String name, String type, String... literals) {
        return Scenario.everywhere(name, columnBody(db -> type, db -> List.of(literals)));
    }

    /** A column type MariaDB lacks (time zones in temporal types). */
    private static Scenario pgAndH2Column(String name, String type, String... literals) {
        return Scenario.both(name, columnBody(db -> type, db -> List.of(literals)));
    }

    /**
     * A table {@code tv(id, v)} with one row per literal plus a NULL row, read in full and by a
     * bound key, and its value echoed back through a parameter.
     */
    private static ScenarioBody columnBody(Function<Database, String> type,
                                           Function<Database, List<String>> literals) {
        return (c, t) -> {
            Database db = t.database();
            t.setup(c, "create table tv (id integer primary key, v " + type.apply(db) + ")");
            List<String> values = literals.apply(db);
            for (int i = 0; i < values.size(); i++) {
                t.update(c, "insert into tv values (" + (i + 1) + ", " + values.get(i) + ")");
            }
            t.update(c, "insert into tv values (?, null)", 0);
            t.query(c, "select id, v from tv order by id");
            t.query(c, "select v, id from tv where id = ?", 1);
            t.statementQuery(c, "select count(*), count(v) from tv");
        };
    }

    private static void nullsOfEveryType(Connection c, Transcript t) throws Exception {
        Database db = t.database();
        t.setup(c, "create table nulls (i integer, b boolean, n numeric(5,2), d double precision,"
                + " s varchar(5), bin " + db.pick("varbinary(5)", "bytea") + ", dt date,"
                + " ts timestamp, u uuid, a " + db.arrayOf("integer") + ")",
                "insert into nulls values (null, null, null, null, null, null, null, null, null,"
                        + " null)");
        t.query(c, "select * from nulls");
        t.reads("typed getters on NULLs", () -> Fixtures.eachRow(c, "select * from nulls",
                (rs, row) -> {
                    t.add("  getInt=" + rs.getInt(1) + " wasNull=" + rs.wasNull());
                    t.add("  getBoolean=" + rs.getBoolean(2) + " wasNull=" + rs.wasNull());
                    t.add("  getBigDecimal=" + rs.getBigDecimal(3) + " wasNull=" + rs.wasNull());
                    t.add("  getDouble=" + rs.getDouble(4) + " wasNull=" + rs.wasNull());
                    t.add("  getString=" + rs.getString(5) + " wasNull=" + rs.wasNull());
                    t.add("  getBytes=" + Render.value(rs.getBytes(6)) + " wasNull=" + rs.wasNull());
                    t.add("  getDate=" + rs.getDate(7) + " wasNull=" + rs.wasNull());
                    t.add("  getTimestamp=" + rs.getTimestamp(8) + " wasNull=" + rs.wasNull());
                    t.add("  getObject(UUID)=" + rs.getObject(9, UUID.class) + " wasNull="
                            + rs.wasNull());
                    t.add("  getArray=" + rs.getArray(10) + " wasNull=" + rs.wasNull());
                    t.add("  getLong=" + rs.getLong(1) + " getFloat=" + rs.getFloat(4)
                            + " getShort=" + rs.getShort(1) + " wasNull=" + rs.wasNull());
                }));
    }

    private static final List<Class<?>> TEMPORAL_CLASSES = List.of(LocalDate.class,
            LocalTime.class, LocalDateTime.class, OffsetDateTime.class, OffsetTime.class,
            ZonedDateTime.class, Instant.class, java.sql.Date.class, java.sql.Time.class,
            java.sql.Timestamp.class, String.class);

    private static void javaTimeConversions(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table temporal (d date, tm time(6), ts timestamp(6),"
                        + " tstz timestamp(6) with time zone, tmtz time(6) with time zone)",
                "insert into temporal values (date '2024-02-29', time '13:45:56.123456',"
                        + " timestamp '2024-02-29 13:45:56.123456',"
                        + " timestamp with time zone '2024-02-29 13:45:56.123456+02:00',"
                        + " time with time zone '13:45:56.5+02:00')");
        // The full read first: in the repeated-reads mode it fills the cache, so the conversions
        // below run against a cached result.
        t.query(c, "select * from temporal");
        t.reads("getObject(column, class)", () -> Fixtures.eachRow(c, "select * from temporal",
                (rs, row) -> convertEachColumn(t, rs, 5, TEMPORAL_CLASSES)));
    }

    private static final List<Class<?>> VALUE_CLASSES = List.of(Integer.class, Long.class,
            Short.class, BigDecimal.class, Double.class, Float.class, Boolean.class, String.class,
            UUID.class, byte[].class);

    private static void classConversions(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table vals (i integer, n numeric(8,3), d double precision,"
                        + " b boolean, s varchar(40), u uuid)",
                "insert into vals values (42, 12.5, 2.25, true, '17',"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
        t.query(c, "select * from vals");
        t.reads("getObject(column, class)", () -> Fixtures.eachRow(c, "select * from vals",
                (rs, row) -> convertEachColumn(t, rs, 6, VALUE_CLASSES)));
    }

    private static void convertEachColumn(Transcript t, ResultSet rs, int columns,
                                          List<Class<?>> classes) {
        for (int col = 1; col <= columns; col++) {
            for (Class<?> type : classes) {
                int column = col;
                t.eval("  getObject(" + column + ", " + type.getSimpleName() + ")",
                        () -> rs.getObject(column, type));
            }
        }
    }

    private static void typedGetters(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table mixed (i integer, n numeric(8,3), d double precision,"
                        + " b boolean, s varchar(20), dt date, ts timestamp)",
                "insert into mixed values (7, 12.5, 2.75, true, '12', date '2024-01-02',"
                        + " timestamp '2024-01-02 03:04:05')",
                "insert into mixed values (0, -0.001, -1e10, false, 'abc', null, null)");
        t.query(c, "select * from mixed order by i desc");
        t.reads("typed getters", () -> Fixtures.eachRow(c, "select * from mixed order by i desc",
                (rs, row) -> {
                    for (int col = 1; col <= 7; col++) {
                        int i = col;
                        t.eval("  row " + row + " getInt(" + i + ")", () -> rs.getInt(i));
                        t.eval("  row " + row + " getLong(" + i + ")", () -> rs.getLong(i));
                        t.eval("  row " + row + " getDouble(" + i + ")", () -> rs.getDouble(i));
                        t.eval("  row " + row + " getBigDecimal(" + i + ")",
                                () -> rs.getBigDecimal(i));
                        t.eval("  row " + row + " getBoolean(" + i + ")", () -> rs.getBoolean(i));
                        t.eval("  row " + row + " getBytes(" + i + ")", () -> rs.getBytes(i));
                        t.eval("  row " + row + " getDate(" + i + ")", () -> rs.getDate(i));
                        t.eval("  row " + row + " getTimestamp(" + i + ")",
                                () -> rs.getTimestamp(i));
                        t.eval("  row " + row + " getByte(" + i + ")", () -> rs.getByte(i));
                    }
                }));
    }

    private static void calendarGetters(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table cal (d date, tm time(3), ts timestamp(3),"
                        + " tstz timestamp(3) with time zone)",
                "insert into cal values (date '2024-03-31', time '01:30:00.250',"
                        + " timestamp '2024-03-31 01:30:00.250',"
                        + " timestamp with time zone '2024-03-31 01:30:00.250+00:00')");
        for (String zone : List.of("UTC", "Asia/Tokyo", "America/St_Johns")) {
            Calendar cal = Calendar.getInstance(TimeZone.getTimeZone(zone));
            t.reads("calendar getters in " + zone, () -> Fixtures.eachRow(c, "select * from cal",
                    (rs, row) -> {
                        t.eval("  getDate(1, cal)", () -> rs.getDate(1, cal));
                        t.eval("  getTime(2, cal)", () -> rs.getTime(2, cal));
                        t.eval("  getTimestamp(3, cal)", () -> rs.getTimestamp(3, cal));
                        t.eval("  getTimestamp(4, cal)", () -> rs.getTimestamp(4, cal));
                        t.eval("  getDate(3, cal)", () -> rs.getDate(3, cal));
                        t.eval("  getTime(3, cal)", () -> rs.getTime(3, cal));
                    }));
        }
    }

    private static void columnLabels(Connection c, Transcript t) throws Exception {
        Fixtures.people(c, t);
        String sql = "select p.id, p.name as \"Full Name\", d.code, d.title as name, p.dept"
                + " from people p join dept d on d.code = p.dept where p.id = ?";
        t.query(c, sql, 1);
        t.reads("access by label", () -> Fixtures.eachRow(c, sql, (rs, row) -> {
            for (String label : List.of("id", "ID", "Full Name", "full name", "name", "NAME",
                    "code", "dept", "title", "missing")) {
                t.eval("  findColumn(" + label + ")", () -> rs.findColumn(label));
                t.eval("  getString(" + label + ")", () -> rs.getString(label));
            }
        }, 1));
    }
}
