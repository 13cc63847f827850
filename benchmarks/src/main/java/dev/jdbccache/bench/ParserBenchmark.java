package dev.jdbccache.bench;

import dev.jdbccache.parser.SqlAnalysis;
import dev.jdbccache.parser.SqlAnalyzer;
import dev.jdbccache.parser.SqlDialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link SqlAnalyzer#analyze(String)}: a first analysis (a text never seen, so it is lexed,
 * parsed on the parser pool and walked) against a repeat (an analysis-cache hit), for a primary-key
 * lookup, a three-way join and a ~50-line report query.
 *
 * <p>The first-parse benchmark appends a counter in a comment: comments do not change the
 * analysis, but the analysis cache is keyed by the exact text, so every call is a genuine miss.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ParserBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ParserBenchmark {

    private static final String PK_LOOKUP =
            "select c1_0.id,c1_0.email,c1_0.name,c1_0.version from customer c1_0 where c1_0.id=?";

    private static final String THREE_WAY_JOIN =
            "select o1_0.id,c1_0.name,ol1_0.quantity,p1_0.name,p1_0.price from orders o1_0 "
            + "join customer c1_0 on c1_0.id=o1_0.customer_id "
            + "join order_line ol1_0 on ol1_0.order_id=o1_0.id "
            + "join product p1_0 on p1_0.id=ol1_0.product_id where o1_0.customer_id=? and o1_0.status=?";

    private static final String REPORT = """
            with monthly as (
                select
                    date_trunc('month', o.created_at) as month,
                    c.region,
                    p.category,
                    sum(ol.quantity * ol.unit_price) as revenue,
                    sum(ol.quantity) as units,
                    count(distinct o.id) as orders,
                    count(distinct o.customer_id) as customers
                from orders o
                join customer c on c.id = o.customer_id
                join order_line ol on ol.order_id = o.id
                join product p on p.id = ol.product_id
                where o.status in ('PAID', 'SHIPPED', 'DELIVERED')
                  and o.created_at >= ?
                  and o.created_at < ?
                group by 1, 2, 3
            ),
            ranked as (
                select
                    m.*,
                    rank() over (partition by m.month, m.region order by m.revenue desc) as category_rank,
                    lag(m.revenue) over (partition by m.region, m.category order by m.month) as previous_revenue
                from monthly m
            ),
            targets as (
                select t.region, t.month, t.target_revenue
                from sales_target t
                where t.month >= ? and t.month < ?
            )
            select
                r.month,
                r.region,
                r.category,
                r.revenue,
                r.units,
                r.orders,
                r.customers,
                r.category_rank,
                case
                    when r.previous_revenue is null or r.previous_revenue = 0 then null
                    else round(100.0 * (r.revenue - r.previous_revenue) / r.previous_revenue, 2)
                end as growth_pct,
                coalesce(t.target_revenue, 0) as target,
                r.revenue - coalesce(t.target_revenue, 0) as gap,
                (select count(*) from returns rt
                  where rt.region = r.region
                    and date_trunc('month', rt.returned_at) = r.month) as returns
            from ranked r
            left join targets t on t.region = r.region and t.month = r.month
            where r.category_rank <= 10
              and exists (select 1 from region_manager rm where rm.region = r.region and rm.active)
            order by r.month, r.region, r.category_rank
            """;

    @Param({"pk", "join3", "report"})
    public String query;

    private String sql;
    private SqlAnalyzer analyzer;
    private long counter;

    @Setup
    public void setUp() {
        sql = switch (query) {
            case "pk" -> PK_LOOKUP;
            case "join3" -> THREE_WAY_JOIN;
            default -> REPORT;
        };
        analyzer = SqlAnalyzer.builder(SqlDialect.POSTGRESQL).build();
        analyzer.analyze(sql);
    }

    /** A text the analyzer has never seen: lex, parse, walk, decide. */
    @Benchmark
    public SqlAnalysis firstParse() {
        return analyzer.analyze(sql + " /* " + (counter++) + " */");
    }

    /** The same text again: an analysis-cache hit. */
    @Benchmark
    public SqlAnalysis repeat() {
        return analyzer.analyze(sql);
    }
}
