-- The shop's contents before each test. Run through the application's own data source, so that
-- on the jdbc:cache: side the driver sees these writes and invalidates what earlier tests cached.
truncate order_line, orders, product, customer;
insert into customer (id, name, email) values
    (1, 'Ada', 'ada@example.com'),
    (2, 'Brian', 'brian@example.com'),
    (3, 'Chen', 'chen@example.com');
insert into product (id, sku, name, price) values
    (1, 'BOOK-1', 'Dune', 12.50),
    (2, 'BOOK-2', 'Emma', 8.00),
    (3, 'MUG-1', 'Mug', 6.25),
    (4, 'PEN-1', 'Pen', 1.75);
insert into orders (id, customer_id, placed_on, status) values
    (1, 1, date '2024-03-01', 'PAID'),
    (2, 1, date '2024-03-05', 'NEW'),
    (3, 2, date '2024-03-07', 'PAID'),
    (4, 3, date '2024-03-09', 'NEW');
insert into order_line (id, order_id, product_id, quantity, unit_price) values
    (1, 1, 1, 2, 12.50),
    (2, 1, 3, 1, 6.25),
    (3, 2, 2, 3, 8.00),
    (4, 3, 1, 1, 12.50),
    (5, 3, 4, 4, 1.75),
    (6, 3, 3, 2, 6.25),
    (7, 4, 4, 10, 1.75);
-- New rows get ids from 101 on, whatever earlier tests consumed.
select setval('customer_id_seq', 100), setval('product_seq', 100),
       setval('orders_id_seq', 100), setval('order_line_seq', 100);
