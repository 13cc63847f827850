-- default-dialect: postgresql

-- name: cache off block hint
/* cache:off */ select * from t
kind: QUERY
reads: t
cacheable: no
reason: HINT_OFF

-- name: cache off line hint
-- cache:off
select * from t
kind: QUERY
reads: t
cacheable: no
reason: HINT_OFF

-- name: cache off trailing line hint
select * from t -- cache:off
kind: QUERY
cacheable: no
reason: HINT_OFF

-- name: cache off in the middle
select * from t /* cache:off */ where id = 1
kind: QUERY
cacheable: no
reason: HINT_OFF

-- name: upper-case hint
/* CACHE:OFF */ select * from t
kind: QUERY
cacheable: no
reason: HINT_OFF

-- name: cache off overrides a non-query reason
/* cache:off */ insert into t values (1)
kind: INSERT
writes: t
cacheable: no
reason: HINT_OFF

-- name: ttl with spaces lifts a time function
/*cache: ttl = 30s*/ select * from t where at < now()
kind: QUERY
cacheable: yes
reason: none
ttl: PT30S

-- name: ttl in milliseconds
/* cache:ttl=500ms */ select current_date
kind: QUERY
cacheable: yes
ttl: PT0.5S

-- name: ttl in minutes as a line comment
-- cache:ttl=5m
select * from t where day = current_date
kind: QUERY
cacheable: yes
ttl: PT5M

-- name: ttl in hours on a plain query
/* cache:ttl=1h */ select * from t
kind: QUERY
cacheable: yes
ttl: PT1H

-- name: ttl in days
/* cache:ttl=2d */ select * from t
kind: QUERY
cacheable: yes
ttl: PT48H

-- name: ttl inside an ORM comment
/* Customer.findRecent cache:ttl=10s */ select * from customer where created > now() - interval '1 day'
kind: QUERY
cacheable: yes
ttl: PT10S

-- name: malformed ttl is ignored
/* cache:ttl=abc */ select now()
kind: QUERY
cacheable: no
reason: TIME_FUNCTION

-- name: ttl without unit is ignored
/* cache:ttl=30 */ select now()
kind: QUERY
cacheable: no
reason: TIME_FUNCTION

-- name: ttl does not lift a volatile function
/* cache:ttl=5m */ select random()
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: ttl does not lift an unknown function
/* cache:ttl=5m */ select my_function(1)
kind: QUERY
cacheable: no
reason: UNKNOWN_FUNCTION

-- name: ttl does not lift a lock
/* cache:ttl=1h */ select * from t where id = 1 for update
kind: QUERY
cacheable: no
reason: LOCKING_CLAUSE

-- name: ttl does not lift a catalog
/* cache:ttl=1h */ select now(), relname from pg_class
kind: QUERY
cacheable: no
reason: SYSTEM_CATALOG

-- name: ttl does not make a write cacheable
/* cache:ttl=1d */ update t set a = now()
kind: UPDATE
writes: t
cacheable: no
reason: NOT_A_QUERY

-- name: off wins over ttl
/* cache:ttl=30s */ /* cache:off */ select now()
kind: QUERY
cacheable: no
reason: HINT_OFF
