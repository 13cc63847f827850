package dev.jdbccache.it.frameworks.spring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Transactional;

/** The application's service: Spring JDBC templates, transactions declared with {@code @Transactional}. */
public class OrderService {

    public record OrderSummary(long id, String status, BigDecimal total) {
    }

    /** Thrown after the order was written, so the transaction rolls back; tells what it had seen. */
    public static final class OrderRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long ordersSeen;

        OrderRejected(long ordersSeen) {
            super("rejected after seeing " + ordersSeen + " orders");
            this.ordersSeen = ordersSeen;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public OrderService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<OrderSummary> ordersOf(long customerId) {
        return jdbc.query("select o.id, o.status, t.total from orders o join order_total t on t.order_id = o.id"
                        + " where o.customer_id = :customer order by o.id", Map.of("customer", customerId),
                (rs, row) -> new OrderSummary(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
    }

    @Transactional(readOnly = true)
    public List<String> productNames(Collection<Long> ids) {
        return jdbc.queryForList("select name from product where id in (:ids) order by name", Map.of("ids", ids),
                String.class);
    }

    /** Not transactional: one autocommit statement. */
    public long countOrders(long customerId) {
        return jdbc.getJdbcTemplate().queryForObject("select count(*) from orders where customer_id = ?", Long.class,
                customerId);
    }

    /** Inserts the order (its generated id returned) and its lines as one JDBC batch. */
    @Transactional
    public long placeOrder(long customerId, Map<Long, Integer> quantities) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into orders (customer_id, placed_on, status) values (:customer, :placed, 'NEW')",
                new MapSqlParameterSource("customer", customerId).addValue("placed", LocalDate.of(2024, 4, 1)),
                key, new String[] {"id"});
        long orderId = key.getKey().longValue();
        SqlParameterSource[] lines = quantities.entrySet().stream()
                .map(e -> new MapSqlParameterSource("order", orderId).addValue("product", e.getKey())
                        .addValue("quantity", e.getValue()))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into order_line (order_id, product_id, quantity, unit_price)"
                + " select :order, id, :quantity, price from product where id = :product", lines);
        return orderId;
    }

    /** Places the order, counts the customer's orders in the same transaction, then fails. */
    @Transactional
    public void placeOrderThenFail(long customerId, Map<Long, Integer> quantities) {
        placeOrder(customerId, quantities);
        throw new OrderRejected(countOrders(customerId));
    }

    @Transactional
    public void changeQuantity(long lineId, int quantity) {
        jdbc.getJdbcTemplate().update("update order_line set quantity = ? where id = ?", quantity, lineId);
    }
}
