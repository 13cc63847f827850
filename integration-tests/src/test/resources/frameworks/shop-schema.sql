-- The shop every framework test works on. Run in a fresh schema (search_path set by the caller).
-- Statements end with ';' at the end of a line.
create sequence product_seq;
create sequence order_line_seq;

create table customer (
    id      bigserial primary key,
    name    text not null,
    email   text not null unique,
    version int  not null default 0
);

create table product (
    id      bigint primary key default nextval('product_seq'),
    sku     text not null unique,
    name    text not null,
    price   numeric(10, 2) not null,
    version int  not null default 0
);

create table orders (
    id          bigserial primary key,
    customer_id bigint not null references customer (id),
    placed_on   date   not null,
    status      text   not null,
    version     int    not null default 0
);

create table order_line (
    id         bigint primary key default nextval('order_line_seq'),
    order_id   bigint not null references orders (id) on delete cascade,
    product_id bigint not null references product (id),
    quantity   int    not null,
    unit_price numeric(10, 2) not null
);

create index order_line_order on order_line (order_id);

create view order_total as
    select o.id as order_id, o.customer_id, count(l.id) as line_count,
           coalesce(sum(l.quantity * l.unit_price), 0) as total
    from orders o left join order_line l on l.order_id = o.id
    group by o.id, o.customer_id;
