-- default-dialect: postgresql
-- SQL as jOOQ 3.19 renders it: quoted, schema-qualified names, limit/offset, returning.

-- name: fetch by primary key
select "public"."book"."id", "public"."book"."title", "public"."book"."author_id" from "public"."book" where "public"."book"."id" = ?
kind: QUERY
reads: public.book
cacheable: yes

-- name: join with limit offset
select "public"."book"."title", "public"."author"."last_name" from "public"."book" join "public"."author" on "public"."book"."author_id" = "public"."author"."id" where "public"."author"."id" = ? order by "public"."book"."title" limit ? offset ?
kind: QUERY
reads: public.book, public.author
cacheable: yes

-- name: fetchCount
select count(*) from "public"."book" where "public"."book"."published_in" > ?
kind: QUERY
reads: public.book
cacheable: yes

-- name: fetchExists
select exists (select 1 as "one" from "public"."book" where "public"."book"."title" = ?)
kind: QUERY
reads: public.book
cacheable: yes

-- name: derived table with generated alias
select "alias_74645437"."title" from (select "public"."book"."title" from "public"."book" where "public"."book"."author_id" = ?) as "alias_74645437"
kind: QUERY
reads: public.book
cacheable: yes

-- name: insert returning
insert into "public"."book" ("title", "author_id", "published_in") values (?, ?, ?) returning "public"."book"."id"
kind: INSERT
writes: public.book
cacheable: no
reason: NOT_A_QUERY

-- name: batch insert of records
insert into "public"."book" ("id", "title") values (?, ?), (?, ?), (?, ?)
kind: INSERT
writes: public.book
cacheable: no

-- name: store (update)
update "public"."book" set "title" = ?, "published_in" = ? where "public"."book"."id" = ?
kind: UPDATE
writes: public.book
cacheable: no

-- name: delete
delete from "public"."book" where "public"."book"."id" = ?
kind: DELETE
writes: public.book
cacheable: no

-- name: onDuplicateKeyUpdate emulated with on conflict
insert into "public"."book" ("id", "title") values (?, ?) on conflict ("id") do update set "title" = excluded."title"
kind: INSERT
reads: public.book
writes: public.book
cacheable: no

-- name: onConflictDoNothing
insert into "public"."author" ("id", "last_name") values (?, ?) on conflict do nothing
kind: INSERT
writes: public.author
cacheable: no

-- name: mixed-case quoted table keeps its case
select "Inventory"."ItemId" from "public"."Inventory" where "Inventory"."ItemId" = ?
kind: QUERY
reads: public.Inventory
cacheable: yes

-- name: common table expression
with "recent" as (select "public"."book"."id", "public"."book"."title" from "public"."book" where "public"."book"."published_in" > ?) select "recent"."title" from "recent"
kind: QUERY
reads: public.book
cacheable: yes

-- name: union
select "public"."author"."last_name" from "public"."author" union select "public"."customer"."last_name" from "public"."customer"
kind: QUERY
reads: public.author, public.customer
cacheable: yes

-- name: cast bind values
select "public"."book"."id" from "public"."book" where "public"."book"."published_in" between cast(? as int) and cast(? as int)
kind: QUERY
reads: public.book
cacheable: yes

-- name: fetch next rows only
select "public"."book"."id" from "public"."book" order by "public"."book"."id" offset ? rows fetch next ? rows only
kind: QUERY
reads: public.book
cacheable: yes

-- name: multiset emulation with json
select "public"."author"."id", (select coalesce(jsonb_agg(jsonb_build_array("t"."title")), jsonb_build_array()) from (select "public"."book"."title" from "public"."book" where "public"."book"."author_id" = "public"."author"."id") as "t") from "public"."author"
kind: QUERY
reads: public.author, public.book
cacheable: yes

-- name: row value comparison (seek)
select "public"."book"."id" from "public"."book" where ("public"."book"."published_in", "public"."book"."id") > (?, ?) order by 1, 2 limit ?
kind: QUERY
reads: public.book
cacheable: yes

-- name: for update
select "public"."book"."id" from "public"."book" where "public"."book"."id" = ? for update
kind: QUERY
reads: public.book
cacheable: no
reason: LOCKING_CLAUSE

-- name: H2 rendering upper case
-- dialect: h2
select "PUBLIC"."BOOK"."ID", "PUBLIC"."BOOK"."TITLE" from "PUBLIC"."BOOK" where "PUBLIC"."BOOK"."ID" = ?
kind: QUERY
reads: PUBLIC.BOOK
cacheable: yes

-- name: H2 rendering insert
-- dialect: h2
insert into "PUBLIC"."BOOK" ("ID", "TITLE") values (?, ?)
kind: INSERT
writes: PUBLIC.BOOK
cacheable: no

-- name: delete with returning
delete from "public"."book" where "public"."book"."author_id" = ? returning "public"."book"."id"
kind: DELETE
writes: public.book
cacheable: no

-- name: update from
update "public"."book" set "title" = "t"."title" from "public"."book_import" as "t" where "public"."book"."id" = "t"."id"
kind: UPDATE
reads: public.book, public.book_import
writes: public.book
cacheable: no

-- name: insert select
insert into "public"."book_archive" ("id", "title") select "public"."book"."id", "public"."book"."title" from "public"."book" where "public"."book"."published_in" < ?
kind: INSERT
reads: public.book
writes: public.book_archive
cacheable: no

-- name: window and group
select "public"."book"."author_id", count(*), rank() over (order by count(*) desc) from "public"."book" group by "public"."book"."author_id"
kind: QUERY
reads: public.book
cacheable: yes

-- name: lateral join
select "a"."id", "b"."title" from "public"."author" as "a" cross join lateral (select "public"."book"."title" from "public"."book" where "public"."book"."author_id" = "a"."id" order by "public"."book"."published_in" desc limit 1) as "b"
kind: QUERY
reads: public.author, public.book
cacheable: yes

-- name: trueCondition and inline literals
select "public"."book"."id" from "public"."book" where (true and "public"."book"."title" like 'A%' escape '!')
kind: QUERY
reads: public.book
cacheable: yes

-- name: currentTimestamp
select "public"."book"."id" from "public"."book" where "public"."book"."created" < current_timestamp
kind: QUERY
reads: public.book
cacheable: no
reason: TIME_FUNCTION

-- name: merge statement (PostgreSQL 15)
merge into "public"."book" using (select ? "id", ? "title") "t" on "public"."book"."id" = "t"."id" when matched then update set "title" = "t"."title" when not matched then insert ("id", "title") values ("t"."id", "t"."title")
kind: MERGE
reads: public.book
writes: public.book
cacheable: no
reason: NOT_A_QUERY
