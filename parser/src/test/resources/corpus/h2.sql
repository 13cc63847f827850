-- default-dialect: h2

-- name: H2 unquoted names fold to upper case
select id, name from customer where id = ?
kind: QUERY
reads: CUSTOMER
cacheable: yes

-- name: H2 quoted lower-case name is kept
select * from "customer"
kind: QUERY
reads: customer
cacheable: yes

-- name: H2 schema-qualified
select * from app.orders o join app.customer c on c.id = o.customer_id
kind: QUERY
reads: APP.ORDERS, APP.CUSTOMER
cacheable: yes

-- name: H2 merge into key values
MERGE INTO customer KEY (id) VALUES (?, ?, ?)
kind: MERGE
writes: CUSTOMER
cacheable: no
reason: NOT_A_QUERY

-- name: H2 merge into with columns and key
MERGE INTO customer (id, name) KEY (id) VALUES (?, ?)
kind: MERGE
writes: CUSTOMER
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: H2 merge into key select
MERGE INTO customer_copy KEY (id) SELECT id, name FROM customer WHERE active = TRUE
kind: MERGE
reads: CUSTOMER
writes: CUSTOMER_COPY
cacheable: no

-- name: H2 merge by primary key without KEY clause
MERGE INTO customer (id, name) VALUES (?, ?)
kind: MERGE
writes: CUSTOMER
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: H2 standard merge using
MERGE INTO target t USING source s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)
kind: MERGE
reads: TARGET, SOURCE
writes: TARGET
cacheable: no

-- name: H2 limit offset
select * from orders order by id limit ? offset ?
kind: QUERY
reads: ORDERS
cacheable: yes

-- name: H2 table function
SELECT * FROM TABLE(ID INT = (1, 2, 3), NAME VARCHAR = ('a', 'b', 'c'))
kind: QUERY
writes:
cacheable: no
reason: UNPARSEABLE

-- name: H2 system_range
select x from system_range(1, 10)
kind: QUERY
reads:
cacheable: yes

-- name: H2 identity column insert
insert into customer (name) values (?)
kind: INSERT
writes: CUSTOMER
cacheable: no

-- name: H2 next value for sequence
select next value for order_seq
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: H2 random_uuid
select random_uuid()
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: H2 information_schema
select table_name from information_schema.tables where table_schema = 'PUBLIC'
kind: QUERY
reads: INFORMATION_SCHEMA.TABLES
cacheable: no
reason: SYSTEM_CATALOG

-- name: H2 pg_ prefix is an ordinary table
select * from pg_settings_copy
kind: QUERY
reads: PG_SETTINGS_COPY
cacheable: yes

-- name: H2 set schema without quotes
SET SCHEMA app
kind: SESSION_SET
session: schema
cacheable: no

-- name: H2 set mode
SET MODE PostgreSQL
kind: SESSION_SET
session: mode
cacheable: no

-- name: H2 current_timestamp
select * from events where at < current_timestamp
kind: QUERY
reads: EVENTS
cacheable: no
reason: TIME_FUNCTION

-- name: H2 formatdatetime is deterministic
select formatdatetime(created, 'yyyy-MM-dd') from events
kind: QUERY
reads: EVENTS
cacheable: yes

-- name: H2 create table
CREATE TABLE IF NOT EXISTS customer (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255))
kind: DDL
writes: CUSTOMER
cacheable: no

-- name: H2 create table as select
CREATE TABLE customer_copy AS SELECT * FROM customer
kind: DDL
reads: CUSTOMER
writes: CUSTOMER_COPY
cacheable: no

-- name: H2 truncate
TRUNCATE TABLE orders
kind: TRUNCATE
writes: ORDERS
cacheable: no

-- name: H2 script-like multi statement
insert into a values (1); insert into b values (2)
kind: INSERT
writes: A, B
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: H2 select for update
select * from accounts where id = ? for update
kind: QUERY
reads: ACCOUNTS
cacheable: no
reason: LOCKING_CLAUSE

-- name: H2 user function alias unknown
select my_alias(id) from accounts
kind: QUERY
reads: ACCOUNTS
cacheable: no
reason: UNKNOWN_FUNCTION

-- name: H2 delete with limit
delete from logs where created < ? limit 1000
kind: DELETE
writes: LOGS
cacheable: no
