-- default-dialect: postgresql

-- name: create table
create table orders (id bigserial primary key, customer_id bigint references customers(id), total numeric(12,2) not null)
kind: DDL
writes: orders
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: create table if not exists schema-qualified
create table if not exists billing.invoice (id bigint primary key)
kind: DDL
writes: billing.invoice
cacheable: no

-- name: create temporary table
create temporary table import_rows (line text)
kind: DDL
writes: import_rows
cacheable: no

-- name: create table as select
create table x as select a, b from y where c > 0
kind: DDL
reads: y
writes: x
cacheable: no

-- name: create table like
create table orders_copy (like orders including all)
kind: DDL
writes: orders_copy
cacheable: no

-- name: create view
create view active_customers as select * from customers where active
kind: DDL
reads: customers
writes: active_customers
cacheable: no

-- name: create or replace view with join
create or replace view order_totals as select o.id, sum(i.amount) from orders o join items i on i.order_id = o.id group by o.id
kind: DDL
reads: orders, items
writes: order_totals
cacheable: no

-- name: create materialized view
create materialized view mv_sales as select region, sum(amount) from sales group by region
kind: DDL
writes: mv_sales
cacheable: no

-- name: refresh materialized view
refresh materialized view mv_sales
kind: DDL
writes: mv_sales
cacheable: no

-- name: refresh materialized view concurrently
refresh materialized view concurrently public.mv_sales
kind: DDL
writes: public.mv_sales
cacheable: no

-- name: create index writes its table
create index idx_orders_customer on orders (customer_id)
kind: DDL
writes: orders
cacheable: no

-- name: create unique index concurrently
create unique index concurrently if not exists idx_users_email on public.users (lower(email))
kind: DDL
writes: public.users
cacheable: no

-- name: alter table add column
alter table orders add column note text
kind: DDL
writes: orders
cacheable: no

-- name: alter table rename to
alter table orders rename to orders_old
kind: DDL
writes: orders, orders_old
cacheable: no

-- name: alter table rename column
alter table orders rename column note to remark
kind: DDL
writes: orders
cacheable: no

-- name: alter table add constraint
alter table order_items add constraint fk_order foreign key (order_id) references orders (id)
kind: DDL
writes: order_items
cacheable: no

-- name: drop table
drop table orders
kind: DDL
writes: orders
writesUnknown: no
cacheable: no

-- name: drop table list
drop table a, b
kind: DDL
writes: a, b
writesUnknown: no
cacheable: no

-- name: drop table if exists list cascade
drop table if exists public.a, b cascade
kind: DDL
writes: public.a, b
writesUnknown: no
cacheable: no

-- name: drop view
drop view if exists active_customers
kind: DDL
writes: active_customers
cacheable: no

-- name: drop index may be anything
drop index idx_orders_customer
kind: DDL
writesUnknown: yes
cacheable: no

-- name: truncate one table
truncate table audit_log
kind: TRUNCATE
writes: audit_log
cacheable: no

-- name: truncate list
truncate a, b
kind: TRUNCATE
writes: a, b
cacheable: no

-- name: truncate restart identity cascade
truncate table only orders, order_items restart identity cascade
kind: TRUNCATE
writes: orders, order_items
cacheable: no

-- name: comment on table
comment on table orders is 'all orders'
kind: DDL
writes: orders
cacheable: no

-- name: comment on column
comment on column orders.total is 'gross'
kind: DDL
writes: orders
cacheable: no

-- name: grant on table
grant select, insert on orders to app_user
kind: DDL
writes: orders
cacheable: no

-- name: grant on all tables
grant select on all tables in schema public to reporting
kind: DDL
writesUnknown: yes
cacheable: no

-- name: revoke
revoke delete on orders from app_user
kind: DDL
writes: orders
writesUnknown: yes
cacheable: no

-- name: grant role
grant admin to bob
kind: DDL
writesUnknown: yes
cacheable: no

-- name: create sequence
create sequence order_seq start 1000
kind: DDL
writesUnknown: yes
cacheable: no

-- name: create function
create or replace function add(a int, b int) returns int language sql immutable as $$ select a + b $$
kind: DDL
writesUnknown: yes
cacheable: no

-- name: create schema
create schema reporting
kind: DDL
writesUnknown: yes
cacheable: no

-- name: drop schema cascade
drop schema legacy cascade
kind: DDL
writesUnknown: yes
cacheable: no

-- name: create extension
create extension if not exists pgcrypto
kind: DDL
writesUnknown: yes
cacheable: no

-- name: alter sequence
alter sequence order_seq restart with 1
kind: DDL
writesUnknown: yes
cacheable: no

-- name: begin
begin
kind: TRANSACTION_CONTROL
tx: BEGIN
cacheable: no
reason: NOT_A_QUERY

-- name: begin isolation level
BEGIN ISOLATION LEVEL REPEATABLE READ
kind: TRANSACTION_CONTROL
tx: BEGIN
cacheable: no

-- name: start transaction
START TRANSACTION
kind: TRANSACTION_CONTROL
tx: BEGIN
cacheable: no

-- name: commit work
COMMIT WORK
kind: TRANSACTION_CONTROL
tx: COMMIT
cacheable: no

-- name: end
END
kind: TRANSACTION_CONTROL
tx: COMMIT
cacheable: no

-- name: rollback
ROLLBACK
kind: TRANSACTION_CONTROL
tx: ROLLBACK
cacheable: no

-- name: abort
ABORT
kind: TRANSACTION_CONTROL
tx: ROLLBACK
cacheable: no

-- name: savepoint
SAVEPOINT before_items
kind: TRANSACTION_CONTROL
tx: SAVEPOINT
cacheable: no

-- name: rollback to savepoint
ROLLBACK TO SAVEPOINT before_items
kind: TRANSACTION_CONTROL
tx: ROLLBACK_TO_SAVEPOINT
cacheable: no

-- name: rollback to without savepoint keyword
ROLLBACK TO before_items
kind: TRANSACTION_CONTROL
tx: ROLLBACK_TO_SAVEPOINT
cacheable: no

-- name: release savepoint
RELEASE SAVEPOINT before_items
kind: TRANSACTION_CONTROL
tx: RELEASE_SAVEPOINT
cacheable: no

-- name: release without savepoint keyword
RELEASE before_items
kind: TRANSACTION_CONTROL
tx: RELEASE_SAVEPOINT
cacheable: no

-- name: set transaction
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
kind: TRANSACTION_CONTROL
tx: SET_TRANSACTION
cacheable: no

-- name: set session characteristics
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE
kind: TRANSACTION_CONTROL
tx: SET_TRANSACTION
cacheable: no

-- name: prepare transaction
PREPARE TRANSACTION 'tx1'
kind: TRANSACTION_CONTROL
tx: OTHER
cacheable: no

-- name: commit prepared
COMMIT PREPARED 'tx1'
kind: TRANSACTION_CONTROL
tx: OTHER
cacheable: no

-- name: set search_path
SET search_path TO tenant_1, public
kind: SESSION_SET
session: search_path
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: set search_path with equals
set search_path = "Tenant", public
kind: SESSION_SET
session: search_path
cacheable: no

-- name: set local search_path
SET LOCAL search_path TO audit
kind: SESSION_SET
session: search_path
cacheable: no

-- name: set session authorization
SET SESSION AUTHORIZATION alice
kind: SESSION_SET
session: session_authorization
cacheable: no

-- name: set role
SET ROLE reporting
kind: SESSION_SET
session: role
cacheable: no

-- name: reset role
RESET ROLE
kind: SESSION_SET
session: role
cacheable: no

-- name: set time zone
SET TIME ZONE 'Europe/Paris'
kind: SESSION_SET
session: timezone
cacheable: no

-- name: set timezone to
SET timezone TO 'UTC'
kind: SESSION_SET
session: timezone
cacheable: no

-- name: set schema
SET SCHEMA 'billing'
kind: SESSION_SET
session: schema
cacheable: no

-- name: set custom setting for row level security
SET app.tenant_id = '42'
kind: SESSION_SET
session: app.tenant_id
cacheable: no

-- name: set statement_timeout
SET statement_timeout = 5000
kind: SESSION_SET
session: statement_timeout
cacheable: no

-- name: reset all
RESET ALL
kind: SESSION_SET
session: *
cacheable: no

-- name: discard all
DISCARD ALL
kind: SESSION_SET
session: *
cacheable: no

-- name: show
SHOW search_path
kind: OTHER
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: set then query in one string
SET search_path TO tenant_2; select * from orders
kind: SESSION_SET
session: search_path
reads: orders
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: begin update commit in one string
begin; update accounts set balance = 0 where id = 1; commit
kind: TRANSACTION_CONTROL
writes: accounts
cacheable: no
reason: MULTIPLE_STATEMENTS
