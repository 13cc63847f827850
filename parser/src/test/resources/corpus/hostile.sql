-- default-dialect: postgresql
-- Texts meant to confuse a splitter or a parser. (Generated ones live in HostileInputTest.)

-- name: semicolon and delete inside a block comment
SELECT 1 /* ; DELETE FROM t */
kind: QUERY
reads:
writes:
cacheable: yes

-- name: semicolon and delete inside a string
select 'x; delete from t'
kind: QUERY
writes:
cacheable: yes

-- name: two statements
select 1; delete from t
kind: DELETE
writes: t
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: two statements with trailing semicolon
select 1; delete from t;
kind: DELETE
writes: t
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: trailing semicolon is not a second statement
select * from t;
kind: QUERY
reads: t
cacheable: yes

-- name: several trailing semicolons
select * from t;;;
kind: QUERY
reads: t
cacheable: yes

-- name: two reads are still two statements
select * from a; select * from b
kind: QUERY
reads: a, b
writes:
writesUnknown: no
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: nested block comments in PostgreSQL
select 1 /* outer /* inner */ ; delete from t */
kind: QUERY
writes:
cacheable: yes

-- name: nested block comments where comments do not nest
-- dialect: h2
select 1 /* outer /* inner */ ; delete from t */
kind: DELETE
writes: T
writesUnknown: yes
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: line comment hides a delete
select 1 -- ; delete from t
kind: QUERY
writes:
cacheable: yes

-- name: line comment ends at newline
select 1 -- comment
; delete from t
kind: DELETE
writes: t
cacheable: no
reason: MULTIPLE_STATEMENTS

-- name: dollar quote hides a delete
select $$ ; delete from t; $$
kind: QUERY
writes:
cacheable: yes

-- name: tagged dollar quote containing $$
select $fn$ a $$ ; delete from t $$ b $fn$
kind: QUERY
writes:
cacheable: yes

-- name: E string with escaped quote hides a delete
select E'\'; delete from t; --'
kind: QUERY
writes:
cacheable: yes

-- name: doubled quotes hide a delete
select 'it''s; delete from t'
kind: QUERY
writes:
cacheable: yes

-- name: quoted identifier with semicolon
select "a;b" from t
kind: QUERY
reads: t
cacheable: yes

-- name: quoted identifiers with spaces and dots
select * from "my schema"."my.table" where "odd col" = 1
kind: QUERY
reads: my schema.my.table
cacheable: yes

-- name: quoted identifier with escaped quote
select * from "say ""hi"""
kind: QUERY
reads: say "hi"
cacheable: yes

-- name: unicode identifiers and literals
select naïve, 'ünïcödé ✓ 日本語' from café where ключ = 'значение'
kind: QUERY
reads: café
cacheable: yes

-- name: quoted unicode identifier keeps case
select * from "Ölçüm"
kind: QUERY
reads: Ölçüm
cacheable: yes

-- name: just a comment
/* nothing here */
kind: OTHER
writes:
writesUnknown: no
cacheable: no

-- name: only semicolons
;;;
kind: OTHER
writesUnknown: no
cacheable: no

-- name: hint inside a string is not a hint
select '/* cache:off */' from t
kind: QUERY
reads: t
cacheable: yes

-- name: unterminated string
select 'abc from t
kind: QUERY
cacheable: no
reason: UNPARSEABLE

-- name: unterminated comment
select 1 /* never closed
kind: QUERY
cacheable: no
reason: UNPARSEABLE

-- name: unterminated comment hiding a delete
delete from t /* where id = 1
kind: DELETE
writes: t
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: gibberish
florb the wibble
kind: OTHER
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: incomplete select
select from where
kind: QUERY
cacheable: no
reason: UNPARSEABLE

-- name: incomplete delete still names its target
delete from orders where
kind: DELETE
writes: orders
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: unbalanced insert still names its target
insert into audit.events values (1, 2
kind: INSERT
writes: audit.events
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: unparseable update still names its quoted target
update "Weird Table" set x = = 1
kind: UPDATE
writes: Weird Table
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: unparseable WITH that may write
with x as (delete from t returning *) select * from x where ??? syntax error
kind: QUERY
writesUnknown: yes
cacheable: no
reason: UNPARSEABLE

-- name: WITH followed by DELETE
WITH old AS (SELECT id FROM sessions WHERE expired) DELETE FROM sessions WHERE id IN (SELECT id FROM old)
kind: DELETE
reads: sessions
writes: sessions
cacheable: no

-- name: parenthesised query
(select * from t)
kind: QUERY
reads: t
cacheable: yes

-- name: mixed case keywords
SeLeCt * FrOm OrDeRs WhErE iD = 1
kind: QUERY
reads: orders
cacheable: yes

-- name: comment markers inside strings
select * from t where x = '--not a comment' and y = '/* nor this */'
kind: QUERY
reads: t
cacheable: yes

-- name: backslash at end of standard string
select 'C:\path\' from t
kind: QUERY
reads: t
cacheable: yes

-- name: tabs and carriage returns
select	*
from	t
where	id = 1
kind: QUERY
reads: t
cacheable: yes

-- name: a write disguised after a long comment
/* SELECT * FROM t; this looks like a read */ DELETE FROM t
kind: DELETE
writes: t
cacheable: no

-- name: select calling a writing procedure-like function twice
select purge_old_rows(); select purge_old_rows()
kind: QUERY
writesUnknown: yes
cacheable: no
reason: MULTIPLE_STATEMENTS
