-- default-dialect: postgresql

-- name: on conflict do update
insert into inventory (sku, qty) values (?, ?) on conflict (sku) do update set qty = inventory.qty + excluded.qty
kind: INSERT
reads: inventory
writes: inventory
cacheable: no
reason: NOT_A_QUERY

-- name: on conflict on constraint do nothing
insert into tags (name) values (?) on conflict on constraint tags_name_key do nothing
kind: INSERT
writes: tags
cacheable: no

-- name: on conflict with where
insert into inventory (sku, qty) values (?, ?) on conflict (sku) do update set qty = excluded.qty where inventory.locked = false
kind: INSERT
writes: inventory
cacheable: no

-- name: update returning
update accounts set balance = balance - ? where id = ? returning balance
kind: UPDATE
writes: accounts
cacheable: no

-- name: delete returning star
delete from sessions where expires_at < ? returning *
kind: DELETE
writes: sessions
cacheable: no

-- name: data-modifying CTE delete then insert
with d as (delete from queue where id = ? returning *) insert into queue_archive select * from d
kind: INSERT
reads: queue
writes: queue, queue_archive
cacheable: no

-- name: data-modifying CTE read back
with moved as (delete from orders_current where created < ? returning *) select count(*) from moved
kind: DELETE
reads: orders_current
writes: orders_current
cacheable: no
reason: WRITES

-- name: data-modifying CTE update in a query
with upd as (update stock set qty = qty - 1 where sku = ? returning sku, qty) select * from upd
kind: UPDATE
writes: stock
cacheable: no
reason: WRITES

-- name: data-modifying CTE insert in a query
with ins as (insert into events (kind) values (?) returning id) select id from ins
kind: INSERT
writes: events
cacheable: no
reason: WRITES

-- name: select into creates a table
select * into orders_backup from orders where created < ?
kind: DDL
reads: orders
writes: orders_backup
cacheable: no
reason: WRITES

-- name: lateral subquery
select u.id, last.created from users u cross join lateral (select created from logins l where l.user_id = u.id order by created desc limit 1) last
kind: QUERY
reads: users, logins
cacheable: yes

-- name: left join lateral on true
select c.id, o.total from customers c left join lateral (select sum(total) as total from orders o where o.customer_id = c.id) o on true
kind: QUERY
reads: customers, orders
cacheable: yes

-- name: distinct on
select distinct on (customer_id) customer_id, id, created from orders order by customer_id, created desc
kind: QUERY
reads: orders
cacheable: yes

-- name: casts with double colon
select id::text, amount::numeric(10,2), created::date from payments where status = ?::payment_status
kind: QUERY
reads: payments
cacheable: yes

-- name: array constructor and any
select * from products where tags && array['sale','new']::text[] and id = any(array[1,2,3])
kind: QUERY
reads: products
cacheable: yes

-- name: array functions
select id, array_length(tags, 1), cardinality(tags), unnest(tags) from products
kind: QUERY
reads: products
cacheable: yes

-- name: jsonb operators
select doc->>'name', doc->'address'->>'city', doc #>> '{tags,0}' from documents where doc @> '{"active": true}' and doc ? 'email'
kind: QUERY
reads: documents
cacheable: yes

-- name: jsonb functions
select jsonb_build_object('id', id, 'name', name), jsonb_array_length(doc->'items') from documents where jsonb_typeof(doc) = 'object'
kind: QUERY
reads: documents
cacheable: yes

-- name: dollar-quoted literal
select $$it's a string; with a semicolon$$ as s, id from notes where body <> $tag$ -- not a comment $tag$
kind: QUERY
reads: notes
cacheable: yes

-- name: E string with escaped quote and semicolon
select id from notes where body like E'%it\'s; here%'
kind: QUERY
reads: notes
cacheable: yes

-- name: generate_series table function
select d::date from generate_series(date '2024-01-01', date '2024-12-31', interval '1 day') as d
kind: QUERY
reads:
cacheable: yes

-- name: generate_series joined with a table
select d.day, count(o.id) from generate_series(1, 31) as d(day) left join orders o on extract(day from o.created) = d.day group by d.day
kind: QUERY
reads: orders
cacheable: yes

-- name: window functions
select id, lag(total) over w, lead(total) over w, sum(total) over (partition by customer_id order by created rows between unbounded preceding and current row) from orders window w as (order by created)
kind: QUERY
reads: orders
cacheable: yes

-- name: ntile and percent_rank
select id, ntile(4) over (order by score), percent_rank() over (order by score), dense_rank() over (order by score desc) from results
kind: QUERY
reads: results
cacheable: yes

-- name: aggregate filter
select count(*) filter (where status = 'open') as open, count(*) filter (where status = 'closed') as closed from tickets
kind: QUERY
reads: tickets
cacheable: yes

-- name: grouping sets
select region, product, sum(amount) from sales group by grouping sets ((region, product), (region), ())
kind: QUERY
reads: sales
cacheable: yes

-- name: rollup and cube
select region, product, sum(amount), grouping(region) from sales group by rollup (region, product)
kind: QUERY
reads: sales
cacheable: yes

-- name: string_agg and array_agg with order
select customer_id, string_agg(sku, ',' order by sku), array_agg(distinct sku) from order_items group by customer_id
kind: QUERY
reads: order_items
cacheable: yes

-- name: recursive CTE over a real table
with recursive tree as (select id, parent_id, name from categories where id = ? union all select c.id, c.parent_id, c.name from categories c join tree t on c.parent_id = t.id) select * from tree
kind: QUERY
reads: categories
cacheable: yes

-- name: recursive CTE with no table
with recursive r(n) as (select 1 union all select n + 1 from r where n < 100) select sum(n) from r
kind: QUERY
reads:
cacheable: yes

-- name: CTE shadowing a real table name
with orders as (select * from archived_orders where year = ?) select count(*) from orders
kind: QUERY
reads: archived_orders
cacheable: yes

-- name: non-recursive CTE referring to its own name reads the real table
with orders as (select * from orders where total > 100) select * from orders
kind: QUERY
reads: orders
cacheable: yes

-- name: CTE visible to a later CTE
with a as (select id from t1), b as (select id from a join t2 using (id)) select * from b
kind: QUERY
reads: t1, t2
cacheable: yes

-- name: nested WITH scope does not leak
select * from (with x as (select id from inner_table) select id from x) sub join x on x.id = sub.id
kind: QUERY
reads: inner_table, x
cacheable: yes

-- name: schema-qualified name is never a CTE
with orders as (select 1 as id) select * from orders, sales.orders
kind: QUERY
reads: sales.orders
cacheable: yes

-- name: set operations
select id from a union select id from b intersect select id from c except select id from d
kind: QUERY
reads: a, b, c, d
cacheable: yes

-- name: parenthesised set operation with order and limit
(select id, created from posts) union all (select id, created from comments) order by created desc limit 10
kind: QUERY
reads: posts, comments
cacheable: yes

-- name: values list
values (1, 'one'), (2, 'two')
kind: QUERY
reads:
cacheable: yes

-- name: values as derived table
select v.id, t.name from (values (1), (2)) as v(id) join things t on t.id = v.id
kind: QUERY
reads: things
cacheable: yes

-- name: table statement
table customers
kind: QUERY
reads: customers
cacheable: yes

-- name: subqueries in every position
select (select count(*) from s1 where s1.a = t.a) from t join j on j.id = (select min(id) from s2) where t.x in (select x from s3) and exists (select 1 from s4) group by t.a having count(*) > (select count(*) from s5) order by (select max(y) from s6)
kind: QUERY
reads: t, j, s1, s2, s3, s4, s5, s6
cacheable: yes

-- name: quantified comparison subquery
select * from prices where amount > all (select amount from competitor_prices) or amount < some (select amount from floor_prices)
kind: QUERY
reads: prices, competitor_prices, floor_prices
cacheable: yes

-- name: interval arithmetic
select id from subscriptions where started + interval '30 days' < ? and duration > interval '1 hour'
kind: QUERY
reads: subscriptions
cacheable: yes

-- name: now() is a time function
select * from events where created > now() - interval '1 hour'
kind: QUERY
reads: events
cacheable: no
reason: TIME_FUNCTION

-- name: now() with a TTL hint becomes cacheable
select /* cache:ttl=30s */ * from events where created > now() - interval '1 hour'
kind: QUERY
reads: events
cacheable: yes
reason: none
ttl: PT30S

-- name: 'now' literal is the current time
select * from events where created > 'now'::timestamp - interval '1 day'
kind: QUERY
reads: events
cacheable: no
reason: TIME_FUNCTION

-- name: date 'today' literal is the current time
select * from events where day = date 'today'
kind: QUERY
reads: events
cacheable: no
reason: TIME_FUNCTION

-- name: clock_timestamp
select clock_timestamp()
kind: QUERY
cacheable: no
reason: TIME_FUNCTION

-- name: random ordering
select * from quotes order by random() limit 1
kind: QUERY
reads: quotes
cacheable: no
reason: VOLATILE_FUNCTION

-- name: gen_random_uuid
select gen_random_uuid()
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: pg_sleep
select pg_sleep(1)
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: system function not in the lists is volatile, not a write
select pg_stat_force_next_flush()
kind: QUERY
writes:
cacheable: no
reason: VOLATILE_FUNCTION

-- name: advisory lock
select pg_try_advisory_lock(?)
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: set_config changes the session
select set_config('search_path', 'tenant_42, public', false)
kind: SESSION_SET
session: search_path
cacheable: no
reason: NOT_A_QUERY

-- name: set_config for row level security tenant
select set_config('app.tenant_id', ?, false)
kind: SESSION_SET
session: app.tenant_id
cacheable: no

-- name: current_setting reads the session
select * from documents where tenant_id = current_setting('app.tenant_id')::int
kind: QUERY
reads: documents
cacheable: no
reason: TIME_FUNCTION

-- name: user function is unknown
select id, calculate_score(id) from players
kind: QUERY
reads: players
writesUnknown: yes
cacheable: no
reason: UNKNOWN_FUNCTION

-- name: schema-qualified shadow of a built-in is a user function
select util.lower(name) from people
kind: QUERY
reads: people
cacheable: no
reason: UNKNOWN_FUNCTION

-- name: pg_catalog-qualified built-in
select pg_catalog.lower(name), pg_catalog.count(*) from people group by 1
kind: QUERY
reads: people
cacheable: yes

-- name: system catalog pg_class
select relname from pg_catalog.pg_class where relkind = 'r'
kind: QUERY
reads: pg_catalog.pg_class
cacheable: no
reason: SYSTEM_CATALOG

-- name: unqualified pg_ table
select * from pg_stat_activity where state = 'active'
kind: QUERY
reads: pg_stat_activity
cacheable: no
reason: SYSTEM_CATALOG

-- name: information_schema
select column_name, data_type from information_schema.columns where table_name = ?
kind: QUERY
reads: information_schema.columns
cacheable: no
reason: SYSTEM_CATALOG

-- name: temporary schema
select * from pg_temp.import_rows
kind: QUERY
reads: pg_temp.import_rows
cacheable: no
reason: TEMPORARY_TABLE

-- name: numbered temporary schema
select * from pg_temp_3.staging
kind: QUERY
reads: pg_temp_3.staging
cacheable: no
reason: TEMPORARY_TABLE

-- name: for key share lock
select id from parents where id = ? for key share
kind: QUERY
reads: parents
cacheable: no
reason: LOCKING_CLAUSE

-- name: lock in a subquery
select * from (select * from slots where free for update skip locked) s limit 1
kind: QUERY
reads: slots
cacheable: no
reason: LOCKING_CLAUSE

-- name: text search
select id from articles where to_tsvector('english', body) @@ plainto_tsquery('english', ?) order by ts_rank(to_tsvector('english', body), plainto_tsquery('english', ?)) desc
kind: QUERY
reads: articles
cacheable: yes

-- name: regex and similar
select * from users where email ~* '^[a-z]+@example\.com$' and name !~ 'test'
kind: QUERY
reads: users
cacheable: yes

-- name: upper-case unquoted table folds to lower
SELECT * FROM Orders O JOIN Public.Customers C ON C.ID = O.CUSTOMER_ID
kind: QUERY
reads: orders, public.customers
cacheable: yes

-- name: catalog part is dropped
select * from mydb.public.orders
kind: QUERY
reads: public.orders
cacheable: yes

-- name: positional parameters
select * from orders where id = $1 and status = $2
kind: QUERY
reads: orders
cacheable: yes

-- name: delete using
delete from order_items using orders where order_items.order_id = orders.id and orders.status = 'cancelled'
kind: DELETE
reads: order_items, orders
writes: order_items
cacheable: no

-- name: update from join
update employees e set salary = salary * 1.1 from departments d where e.dept_id = d.id and d.name = ?
kind: UPDATE
reads: employees, departments
writes: employees
cacheable: no

-- name: merge (PostgreSQL 15)
merge into customer_account ca using recent_transactions t on t.customer_id = ca.customer_id when matched then update set balance = balance + transaction_value when not matched then insert (customer_id, balance) values (t.customer_id, t.transaction_value)
kind: MERGE
reads: customer_account, recent_transactions
writes: customer_account
cacheable: no
reason: NOT_A_QUERY

-- name: insert from select with CTE
with totals as (select customer_id, sum(total) s from orders group by customer_id) insert into customer_totals (customer_id, total) select customer_id, s from totals
kind: INSERT
reads: orders
writes: customer_totals
cacheable: no

-- name: coalesce nullif greatest least
select coalesce(nullif(trim(name), ''), 'anonymous'), greatest(a, b), least(a, b) from people
kind: QUERY
reads: people
cacheable: yes

-- name: date_trunc and to_char
select date_trunc('month', created), to_char(created, 'YYYY-MM') from orders group by 1, 2
kind: QUERY
reads: orders
cacheable: yes

-- name: age with one argument uses the current date
select age(birth_date) from people
kind: QUERY
reads: people
cacheable: no
reason: TIME_FUNCTION

-- name: age with two arguments is deterministic
select age(died, born) from people
kind: QUERY
reads: people
cacheable: yes

-- name: unnest with ordinality
select t.id, u.tag, u.pos from things t, unnest(t.tags) with ordinality as u(tag, pos)
kind: QUERY
reads: things
cacheable: yes

-- name: exists subquery with lateral join in subquery
select id from a where exists (select 1 from b cross join lateral (select * from c where c.b_id = b.id) cc where b.a_id = a.id)
kind: QUERY
reads: a, b, c
cacheable: yes

-- name: current_user without parentheses
select * from audit where actor = current_user
kind: QUERY
reads: audit
cacheable: no
reason: TIME_FUNCTION

-- name: session_user and current_schema
select session_user, current_schema
kind: QUERY
cacheable: no
reason: TIME_FUNCTION

-- name: quoted column named like a function is a column
select "current_user" from audit
kind: QUERY
reads: audit
cacheable: yes

-- name: qualified column named like a function is a column
select a.current_date from agenda a
kind: QUERY
reads: agenda
cacheable: yes

-- name: explain is not a query
explain select * from orders where id = 1
kind: OTHER
writes:
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: explain analyze runs the statement
explain analyze delete from orders where id = 1
kind: OTHER
writes: orders
cacheable: no

-- name: explain with options including analyze
explain (analyze, buffers) update orders set status = 'x' where id = 1
kind: OTHER
writes: orders
cacheable: no

-- name: explain analyze of a select writes nothing
explain analyze select * from orders
kind: OTHER
writes:
writesUnknown: no
cacheable: no

-- name: listen and notify
notify orders_changed
kind: OTHER
writesUnknown: no
cacheable: no

-- name: do block may write anything
do $$ begin update t set a = 1; end $$
kind: CALL
writesUnknown: yes
cacheable: no

-- name: copy from stdin writes the table
copy orders (id, total) from stdin with (format csv)
kind: INSERT
writes: orders
cacheable: no

-- name: copy to stdout reads only
copy (select * from orders) to stdout
kind: OTHER
writes:
writesUnknown: no
cacheable: no

-- name: execute a prepared statement may write
execute fetch_order(1)
kind: CALL
writesUnknown: yes
cacheable: no

-- name: vacuum
vacuum analyze orders
kind: OTHER
writesUnknown: no
cacheable: no

-- name: lock table
lock table orders in access exclusive mode
kind: OTHER
writesUnknown: no
cacheable: no

-- name: issue 15 item 3: a named argument the parser cannot read, in a call that may write
SELECT refresh_totals(by_ := 10)
kind: QUERY
cacheable: no
reason: UNPARSEABLE
writesUnknown: yes

-- name: issue 15 item 3: VARIADIC arguments, in a call that may write
SELECT log_many(VARIADIC ARRAY['a', 'b'])
kind: QUERY
cacheable: no
reason: UNPARSEABLE
writesUnknown: yes

-- name: issue 15 item 3: ROWS FROM over user functions
SELECT * FROM ROWS FROM (next_jobs(5), next_events(5)) AS t(a, b)
kind: QUERY
cacheable: no
reason: UNPARSEABLE
writesUnknown: yes
