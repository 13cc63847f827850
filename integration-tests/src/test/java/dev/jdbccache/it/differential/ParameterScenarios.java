package dev.jdbccache.it.differential;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/** Binding parameters: every setter family, typed and untyped, NULLs, scales and calendars. */
final class ParameterScenarios {

    private ParameterScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.both("setObjectWithoutTargetType_bindsEachJavaType",
                        ParameterScenarios::untypedSetObject),
                Scenario.everywhere("setObjectWithTargetType_convertsToTheSqlType",
                        ParameterScenarios::typedSetObject),
                Scenario.both("setNullWithSqlType_storesNullAndMatchesNothing",
                        ParameterScenarios::typedNulls),
                Scenario.everywhere("setBigDecimal_storesRoundedToColumnScaleAndEchoesExactScale",
                        ParameterScenarios::bigDecimalScales),
                Scenario.everywhere("setTemporalWithCalendar_storesValuesShiftedByTheCalendar",
                        ParameterScenarios::calendarSetters),
                Scenario.everywhere("reboundParameters_selectDifferentRowsFromOneStatement",
                        ParameterScenarios::rebinding),
                Scenario.everywhere("sameValueAsDifferentParameterTypes_keepsEachResultType",
                        ParameterScenarios::sameValueDifferentTypes),
                Scenario.everywhere("stringParameters_matchQuotesUnicodeEmptyAndNull",
                        ParameterScenarios::stringParameters),
                Scenario.everywhere("inListAndLikeParameters_filterRows", (c, t) -> {
                    Fixtures.people(c, t);
                    t.query(c, "select id, name from people where id in (?, ?, ?) order by id",
                            1, 3, 99);
                    t.query(c, "select id from people where name like ? order by id", "%e%");
                    t.query(c, "select id from people where name like ? order by id", "E%");
                    t.query(c, "select id from people where dept = ? or ? order by id",
                            "OPS", false);
                }));
    }

    private static final List<Object> JAVA_VALUES = List.of(42, 42L, (short) 42,
            new BigDecimal("12.50"), 1.5d, 1.5f, true, "text", LocalDate.of(2024, 2, 29),
            LocalTime.of(13, 45, 56, 123_000_000), LocalDateTime.of(2024, 2, 29, 13, 45, 56),
            OffsetDateTime.of(2024, 2, 29, 13, 45, 56, 0, ZoneOffset.ofHours(2)),
            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new byte[] {1, 2, (byte) 255},
            Date.valueOf("2024-02-29"), Timestamp.valueOf("2024-02-29 13:45:56.5"));

    private static void untypedSetObject(Connection c, Transcript t) throws Exception {
        for (Object value : JAVA_VALUES) {
            t.query(c, "select ? as v", value);
        }
        t.setup(c, "create table typed (i integer, n numeric(8,2), s varchar(20), d date,"
                + " ts timestamp, u uuid, b " + t.database().pick("varbinary(8)", "bytea") + ")");
        t.update(c, "insert into typed values (?, ?, ?, ?, ?, ?, ?)", 7, new BigDecimal("3.14159"),
                "x", LocalDate.of(2020, 1, 1), LocalDateTime.of(2020, 1, 1, 12, 0),
                UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new byte[] {9});
        t.query(c, "select * from typed where i = ? and d = ? and u = ?", 7,
                LocalDate.of(2020, 1, 1), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    }

    private static void typedSetObject(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table typed (i integer, n numeric(8,2), s varchar(20), d date,"
                + " b boolean, f double precision)");
        t.update(c, "insert into typed values (?, ?, ?, ?, ?, ?)", Bind.typed("12", Types.INTEGER),
                Bind.typed(1.255d, Types.NUMERIC, 2), Bind.typed(99, Types.VARCHAR),
                Bind.typed("2024-02-29", Types.DATE), Bind.typed(1, Types.BOOLEAN),
                Bind.typed("2.5", Types.DOUBLE));
        t.query(c, "select * from typed");
        t.query(c, "select i from typed where i = ?", Bind.typed("12", Types.INTEGER));
        t.query(c, "select i from typed where s = ?", Bind.typed(99, Types.VARCHAR));
        t.query(c, "select ? as v", Bind.typed(new BigDecimal("1.5"), Types.NUMERIC, 3));
        t.query(c, "select ? as v", Bind.typed("abc", Types.VARCHAR));
        t.query(c, "select ? as v", Bind.typed(7, Types.BIGINT));
        t.query(c, "select ? as v", Bind.typed(LocalDate.of(2024, 1, 1), Types.DATE));
        t.query(c, "select ? as v", Bind.typed(LocalDateTime.of(2024, 1, 1, 1, 2, 3),
                Types.TIMESTAMP));
        t.query(c, "select ? as v", Bind.typed("not a number", Types.INTEGER));
    }

    private static final int[] NULL_TYPES = {Types.INTEGER, Types.BIGINT, Types.NUMERIC,
        Types.DOUBLE, Types.VARCHAR, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP,
        Types.VARBINARY};

    private static void typedNulls(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table nulls (i integer, bi bigint, n numeric(5,1), d double precision,"
                + " s varchar(5), b boolean, dt date, ts timestamp, bin "
                + t.database().pick("varbinary(5)", "bytea") + ")");
        Object[] nulls = new Object[NULL_TYPES.length];
        for (int i = 0; i < NULL_TYPES.length; i++) {
            nulls[i] = Bind.nullOf(NULL_TYPES[i]);
        }
        t.update(c, "insert into nulls values (?, ?, ?, ?, ?, ?, ?, ?, ?)", nulls);
        t.query(c, "select * from nulls");
        t.query(c, "select count(*) from nulls where i = ?", Bind.nullOf(Types.INTEGER));
        t.query(c, "select count(*) from nulls where s is not distinct from ?",
                Bind.nullOf(Types.VARCHAR));
        t.query(c, "select count(*) from nulls where i = ?", (Object) null);
    }

    private static void bigDecimalScales(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table money (id integer primary key, amount numeric(10,2))");
        List<BigDecimal> values = List.of(new BigDecimal("1.5"), new BigDecimal("1.50"),
                new BigDecimal("1E+3"), new BigDecimal("-0.001"), new BigDecimal("123.456"),
                new BigDecimal("0.005"));
        for (int i = 0; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            t.update(c, "insert into money values (?, ?)", i,
                    Bind.of("setBigDecimal(" + v + ")", (ps, idx) -> ps.setBigDecimal(idx, v)));
        }
        t.query(c, "select id, amount from money order by id");
        for (BigDecimal v : values) {
            t.query(c, "select ? as echoed", Bind.of("setBigDecimal(" + v + ")",
                    (ps, idx) -> ps.setBigDecimal(idx, v)));
        }
        t.query(c, "select id from money where amount = ?", new BigDecimal("1.500"));
    }

    private static void calendarSetters(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table cal (id integer primary key, d date, tm time(3), ts timestamp(3))");
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        Date date = Date.valueOf("2024-03-31");
        Time time = Time.valueOf("23:30:00");
        Timestamp ts = Timestamp.valueOf("2024-03-31 23:30:00.125");
        t.update(c, "insert into cal values (?, ?, ?, ?)", 1,
                Bind.of("setDate(tokyo)", (ps, i) -> ps.setDate(i, date, tokyo)),
                Bind.of("setTime(tokyo)", (ps, i) -> ps.setTime(i, time, tokyo)),
                Bind.of("setTimestamp(tokyo)", (ps, i) -> ps.setTimestamp(i, ts, tokyo)));
        t.update(c, "insert into cal values (?, ?, ?, ?)", 2, date, time, ts);
        t.query(c, "select * from cal order by id");
        t.query(c, "select id from cal where ts = ?",
                Bind.of("setTimestamp(tokyo)", (ps, i) -> ps.setTimestamp(i, ts, tokyo)));
        t.query(c, "select id from cal where ts = ?", ts);
    }

    private static void rebinding(Connection c, Transcript t) throws Exception {
        Fixtures.people(c, t);
        t.reads("one statement, several bindings", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, name from people where dept = ? order by id")) {
                for (Object dept : new Object[] {"ENG", "OPS", "ENG", "NONE"}) {
                    ps.setObject(1, dept);
                    try (ResultSet rs = ps.executeQuery()) {
                        t.resultSet("  dept=" + dept, rs);
                    }
                }
                ps.clearParameters();
                t.attempt("  executeQuery after clearParameters", () -> ps.executeQuery().close());
            }
        });
    }

    private static void sameValueDifferentTypes(Connection c, Transcript t) {
        t.query(c, "select ? as v", Bind.of("setInt(1)", (ps, i) -> ps.setInt(i, 1)));
        t.query(c, "select ? as v", Bind.of("setLong(1)", (ps, i) -> ps.setLong(i, 1)));
        t.query(c, "select ? as v", Bind.of("setShort(1)", (ps, i) -> ps.setShort(i, (short) 1)));
        t.query(c, "select ? as v", Bind.of("setString(1)", (ps, i) -> ps.setString(i, "1")));
        t.query(c, "select ? as v", Bind.of("setBigDecimal(1)",
                (ps, i) -> ps.setBigDecimal(i, BigDecimal.ONE)));
        t.query(c, "select ? as v", Bind.of("setDouble(1)", (ps, i) -> ps.setDouble(i, 1)));
        t.query(c, "select ? as v", Bind.of("setBoolean(true)",
                (ps, i) -> ps.setBoolean(i, true)));
        t.query(c, "select ? as v", Bind.of("setBytes(01)",
                (ps, i) -> ps.setBytes(i, new byte[] {1})));
        t.query(c, "select ? as v", Bind.of("setInt(1) again", (ps, i) -> ps.setInt(i, 1)));
    }

    private static void stringParameters(Connection c, Transcript t) throws Exception {
        t.setup(c, "create table words (id integer primary key, w varchar(20))",
                "insert into words values (1, 'it''s'), (2, ''), (3, null), (4, 'ünï ✓'),"
                        + " (5, 'a%b'), (6, 'A')");
        for (String w : new String[] {"it's", "", null, "ünï ✓", "a%b", "a", "A"}) {
            t.query(c, "select id from words where w = ?", w);
        }
        t.query(c, "select id, w from words where w like ? order by id", "a\\%%");
    }
}
