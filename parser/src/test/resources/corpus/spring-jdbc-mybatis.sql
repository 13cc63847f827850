-- default-dialect: postgresql
-- Hand-written SQL as used with Spring JdbcTemplate, MyBatis mappers and common libraries.

-- name: JdbcTemplate count
select count(*) from t_actor
kind: QUERY
reads: t_actor
cacheable: yes

-- name: JdbcTemplate count with parameter
select count(*) from t_actor where first_name = ?
kind: QUERY
reads: t_actor
cacheable: yes

-- name: JdbcTemplate queryForObject
select last_name from t_actor where id = ?
kind: QUERY
reads: t_actor
cacheable: yes

-- name: JdbcTemplate insert
insert into t_actor (first_name, last_name) values (?, ?)
kind: INSERT
writes: t_actor
cacheable: no

-- name: JdbcTemplate update
update t_actor set last_name = ? where id = ?
kind: UPDATE
writes: t_actor
cacheable: no

-- name: JdbcTemplate delete
delete from t_actor where id = ?
kind: DELETE
writes: t_actor
cacheable: no

-- name: NamedParameterJdbcTemplate renders named parameters to ?
SELECT id, name, email FROM users WHERE email = ? AND active = true
kind: QUERY
reads: users
cacheable: yes

-- name: MyBatis select with result map
SELECT u.id, u.name, a.street, a.city FROM users u LEFT OUTER JOIN addresses a ON a.user_id = u.id WHERE u.id = ?
kind: QUERY
reads: users, addresses
cacheable: yes

-- name: MyBatis foreach IN list
SELECT * FROM orders WHERE status IN ( ? , ? , ? ) AND user_id = ?
kind: QUERY
reads: orders
cacheable: yes

-- name: MyBatis dynamic where
SELECT id, title FROM blog
     WHERE 1=1
       AND state = ?
       AND title like concat('%', ?, '%')
kind: QUERY
reads: blog
cacheable: yes

-- name: MyBatis choose/otherwise
SELECT * FROM blog WHERE state = 'ACTIVE' AND featured = 1 ORDER BY created DESC
kind: QUERY
reads: blog
cacheable: yes

-- name: MyBatis foreach batch insert
INSERT INTO author (username, password, email, bio) values (?,?,?,?) , (?,?,?,?) , (?,?,?,?)
kind: INSERT
writes: author
cacheable: no

-- name: MyBatis useGeneratedKeys insert
INSERT INTO author (username, email) VALUES (?, ?)
kind: INSERT
writes: author
cacheable: no

-- name: MyBatis set clause
UPDATE author SET username=?, email=?, bio=? WHERE id=?
kind: UPDATE
writes: author
cacheable: no

-- name: MyBatis foreach delete
DELETE FROM author WHERE id IN ( ? , ? , ? , ? )
kind: DELETE
writes: author
cacheable: no

-- name: MyBatis selectKey sequence
SELECT nextval('author_id_seq')
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: insert select audit
INSERT INTO audit_log (user_id, action, at) SELECT id, 'deactivated', ? FROM users WHERE last_login < ?
kind: INSERT
reads: users
writes: audit_log
cacheable: no

-- name: report with join and group by
SELECT c.name, SUM(o.total) AS revenue FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.created BETWEEN ? AND ? GROUP BY c.name HAVING SUM(o.total) > ? ORDER BY revenue DESC
kind: QUERY
reads: customers, orders
cacheable: yes

-- name: Spring Batch job instance lookup
SELECT JOB_INSTANCE_ID, JOB_NAME from BATCH_JOB_INSTANCE where JOB_NAME = ? and JOB_KEY = ?
kind: QUERY
reads: batch_job_instance
cacheable: yes

-- name: Spring Batch job execution update
UPDATE BATCH_JOB_EXECUTION set START_TIME = ?, END_TIME = ?, STATUS = ?, EXIT_CODE = ?, EXIT_MESSAGE = ?, VERSION = VERSION + 1, CREATE_TIME = ?, LAST_UPDATED = ? where JOB_EXECUTION_ID = ? and VERSION = ?
kind: UPDATE
writes: batch_job_execution
cacheable: no

-- name: Spring Batch step execution insert
INSERT into BATCH_STEP_EXECUTION(STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME, START_TIME, END_TIME, STATUS) values(?, ?, ?, ?, ?, ?, ?, ?)
kind: INSERT
writes: batch_step_execution
cacheable: no

-- name: Spring Session load
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES FROM SPRING_SESSION S LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID WHERE S.SESSION_ID = ?
kind: QUERY
reads: spring_session, spring_session_attributes
cacheable: yes

-- name: Spring Session expiry cleanup
DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME < ?
kind: DELETE
writes: spring_session
cacheable: no

-- name: ShedLock acquire
UPDATE shedlock SET lock_until = ?, locked_at = ?, locked_by = ? WHERE name = ? AND lock_until <= ?
kind: UPDATE
writes: shedlock
cacheable: no

-- name: ShedLock with database time
UPDATE shedlock SET lock_until = timezone('utc', CURRENT_TIMESTAMP) + cast(? as interval), locked_at = timezone('utc', CURRENT_TIMESTAMP), locked_by = ? WHERE name = ? AND lock_until <= timezone('utc', CURRENT_TIMESTAMP)
kind: UPDATE
writes: shedlock
cacheable: no

-- name: Quartz lock row
SELECT * FROM QRTZ_LOCKS WHERE SCHED_NAME = ? AND LOCK_NAME = ? FOR UPDATE
kind: QUERY
reads: qrtz_locks
cacheable: no
reason: LOCKING_CLAUSE

-- name: Quartz trigger select
SELECT TRIGGER_NAME, TRIGGER_GROUP, NEXT_FIRE_TIME, PRIORITY FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_STATE = ? AND NEXT_FIRE_TIME <= ? AND (MISFIRE_INSTR = -1 OR (MISFIRE_INSTR != -1 AND NEXT_FIRE_TIME >= ?)) ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC
kind: QUERY
reads: qrtz_triggers
cacheable: yes

-- name: Flyway history
SELECT "installed_rank","version","description","type","script","checksum","installed_on","installed_by","execution_time","success" FROM "public"."flyway_schema_history" WHERE "installed_rank" > ? ORDER BY "installed_rank"
kind: QUERY
reads: public.flyway_schema_history
cacheable: yes

-- name: Liquibase lock
UPDATE public.databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = ?, LOCKGRANTED = NOW() WHERE ID = 1 AND LOCKED = FALSE
kind: UPDATE
writes: public.databasechangeloglock
cacheable: no

-- name: Spring Security users by username
select username,password,enabled from users where username = ?
kind: QUERY
reads: users
cacheable: yes

-- name: Spring Security authorities
select username,authority from authorities where username = ?
kind: QUERY
reads: authorities
cacheable: yes

-- name: persistent token remember-me
select username,series,token,last_used from persistent_logins where series = ?
kind: QUERY
reads: persistent_logins
cacheable: yes

-- name: outbox poll with lock
SELECT id, aggregate_type, payload FROM outbox WHERE processed_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED
kind: QUERY
reads: outbox
cacheable: no
reason: LOCKING_CLAUSE

-- name: upsert counter
INSERT INTO page_views (page, views) VALUES (?, 1) ON CONFLICT (page) DO UPDATE SET views = page_views.views + 1
kind: INSERT
reads: page_views
writes: page_views
cacheable: no

-- name: search with ilike and lower
SELECT id, name FROM products WHERE lower(name) LIKE lower(?) OR sku ILIKE ? ORDER BY name LIMIT ? OFFSET ?
kind: QUERY
reads: products
cacheable: yes

-- name: call stored procedure via JDBC escape
{call refresh_stats(?)}
kind: CALL
writesUnknown: yes
cacheable: no
reason: NOT_A_QUERY

-- name: call function returning value via JDBC escape
{? = call compute_discount(?, ?)}
kind: CALL
writesUnknown: yes
cacheable: no

-- name: SimpleJdbcCall generated call
call archive_orders(?, ?)
kind: CALL
writesUnknown: yes
cacheable: no
reason: NOT_A_QUERY

-- name: SELECT of a user function may write (PostgreSQL procedure idiom)
select archive_orders(?)
kind: QUERY
writesUnknown: yes
cacheable: no
reason: UNKNOWN_FUNCTION

-- name: user function declared deterministic
select id, slugify(title) from articles where id = ?
kind: QUERY
reads: articles
writesUnknown: no
cacheable: yes

-- name: schema-qualified user function declared deterministic
select id, amount * billing.tax_rate(country) from invoices where id = ?
kind: QUERY
reads: invoices
cacheable: yes
