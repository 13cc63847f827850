-- default-dialect: mysql

-- name: MySQL backtick identifiers
select `id`, `name` from `shop`.`customer` where `id` = ?
kind: QUERY
reads: shop.customer
cacheable: yes

-- name: MySQL limit with offset
select * from orders order by id limit 10, 20
kind: QUERY
reads: orders
cacheable: yes

-- name: MySQL lock in share mode
select * from accounts where id = ? lock in share mode
kind: QUERY
reads: accounts
cacheable: no
reason: LOCKING_CLAUSE

-- name: MySQL for share
select * from accounts where id = ? for share
kind: QUERY
reads: accounts
cacheable: no
reason: LOCKING_CLAUSE

-- name: MySQL on duplicate key update
insert into counters (name, n) values (?, 1) on duplicate key update n = n + 1
kind: INSERT
reads: counters
writes: counters
cacheable: no

-- name: MySQL replace into
replace into settings (k, v) values (?, ?)
kind: MERGE
writes: settings
cacheable: no

-- name: MySQL insert ignore
insert ignore into tags (name) values (?)
kind: INSERT
writes: tags
cacheable: no

-- name: MySQL multi-table update
update orders o join customers c on c.id = o.customer_id set o.vip = 1 where c.tier = 'gold'
kind: UPDATE
writes: orders, customers
cacheable: no

-- name: MySQL multi-table delete by alias
delete o from orders o join customers c on o.customer_id = c.id where c.deleted = 1
kind: DELETE
writes: orders
cacheable: no

-- name: MySQL backslash-escaped string with semicolon
select id from notes where body = 'it\'s; fine'
kind: QUERY
reads: notes
cacheable: yes

-- name: MySQL hash comment
select id from notes # trailing comment ; delete from notes
kind: QUERY
reads: notes
cacheable: yes

-- name: MySQL executable comment is never trusted
select 1 /*!50000 , sleep(10) */
kind: QUERY
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: MySQL ifnull if concat_ws
select ifnull(nick, name), if(active, 'y', 'n'), concat_ws('-', a, b) from users
kind: QUERY
reads: users
cacheable: yes

-- name: MySQL group_concat
select customer_id, group_concat(sku order by sku separator ',') from order_items group by customer_id
kind: QUERY
reads: order_items
cacheable: yes

-- name: MySQL rand and uuid
select uuid(), rand()
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: MySQL last_insert_id
select last_insert_id()
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: MySQL sysdate
select * from events where at > sysdate()
kind: QUERY
reads: events
cacheable: no
reason: TIME_FUNCTION

-- name: MySQL curdate
select * from events where day = curdate()
kind: QUERY
reads: events
cacheable: no
reason: TIME_FUNCTION

-- name: MySQL unquoted user is a column
select user from logins
kind: QUERY
reads: logins
cacheable: yes

-- name: MySQL information_schema
select table_name from information_schema.tables where table_schema = database()
kind: QUERY
reads: information_schema.tables
cacheable: no
reason: SYSTEM_CATALOG

-- name: MySQL performance_schema
select * from performance_schema.threads
kind: QUERY
reads: performance_schema.threads
cacheable: no
reason: SYSTEM_CATALOG

-- name: MySQL mysql schema
select user, host from mysql.user
kind: QUERY
reads: mysql.user
cacheable: no
reason: SYSTEM_CATALOG

-- name: MySQL use database
use shop
kind: SESSION_SET
session: catalog
cacheable: no

-- name: MySQL set names
SET NAMES utf8mb4
kind: SESSION_SET
session: names
cacheable: no

-- name: MySQL session variable
SET SESSION sql_mode = 'ANSI_QUOTES'
kind: SESSION_SET
session: sql_mode
cacheable: no

-- name: MySQL user variable assignment
SET @rank = 0
kind: SESSION_SET
session: *
cacheable: no

-- name: MySQL start transaction read only
START TRANSACTION READ ONLY
kind: TRANSACTION_CONTROL
tx: BEGIN
cacheable: no

-- name: MySQL session transaction isolation
SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED
kind: TRANSACTION_CONTROL
tx: SET_TRANSACTION
cacheable: no

-- name: MySQL show tables
SHOW TABLES
kind: OTHER
writesUnknown: no
cacheable: no

-- name: MySQL describe
DESCRIBE orders
kind: OTHER
writesUnknown: no
cacheable: no

-- name: MySQL rename table
RENAME TABLE a TO b
kind: DDL
writes: a, b
cacheable: no

-- name: MySQL lower-case table names
SELECT * FROM Orders
kind: QUERY
reads: orders
cacheable: yes
