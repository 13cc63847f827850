-- default-dialect: postgresql
-- SQL as Hibernate 6/7 (the engine of Spring Data JPA) renders it: aliases c1_0, o1_0, ol1_0,
-- ANSI offset/fetch, "returning" for identity columns, optimistic-lock versions.

-- name: find by id
select c1_0.id,c1_0.email,c1_0.name,c1_0.version from customer c1_0 where c1_0.id=?
kind: QUERY
reads: customer
writes:
cacheable: yes
reason: none

-- name: find all with paging
select c1_0.id,c1_0.email,c1_0.name,c1_0.version from customer c1_0 order by c1_0.name offset ? rows fetch first ? rows only
kind: QUERY
reads: customer
cacheable: yes

-- name: first page only
select c1_0.id,c1_0.email,c1_0.name from customer c1_0 order by c1_0.id fetch first ? rows only
kind: QUERY
reads: customer
cacheable: yes

-- name: count query of a page
select count(c1_0.id) from customer c1_0
kind: QUERY
reads: customer
cacheable: yes

-- name: count with criteria
select count(c1_0.id) from customer c1_0 where c1_0.name like ? escape '\'
kind: QUERY
reads: customer
cacheable: yes

-- name: exists by email
select c1_0.id from customer c1_0 where c1_0.email=? fetch first ? rows only
kind: QUERY
reads: customer
cacheable: yes

-- name: find by name ignore case
select c1_0.id,c1_0.email,c1_0.name from customer c1_0 where upper(c1_0.name)=upper(?)
kind: QUERY
reads: customer
cacheable: yes

-- name: join fetch
select o1_0.id,c1_0.id,c1_0.email,c1_0.name,o1_0.created_at,o1_0.status from orders o1_0 join customer c1_0 on c1_0.id=o1_0.customer_id where o1_0.id=?
kind: QUERY
reads: orders, customer
cacheable: yes

-- name: join fetch collection
select o1_0.id,ol1_0.order_id,ol1_0.id,ol1_0.product_id,ol1_0.quantity,o1_0.status from orders o1_0 left join order_line ol1_0 on o1_0.id=ol1_0.order_id where o1_0.customer_id=?
kind: QUERY
reads: orders, order_line
cacheable: yes

-- name: three-way entity graph
select o1_0.id,c1_0.id,c1_0.name,ol1_0.order_id,ol1_0.id,p1_0.id,p1_0.name,p1_0.price from orders o1_0 join customer c1_0 on c1_0.id=o1_0.customer_id left join order_line ol1_0 on o1_0.id=ol1_0.order_id left join product p1_0 on p1_0.id=ol1_0.product_id where o1_0.id=?
kind: QUERY
reads: orders, customer, order_line, product
cacheable: yes

-- name: lazy collection load
select ol1_0.order_id,ol1_0.id,ol1_0.product_id,ol1_0.quantity from order_line ol1_0 where ol1_0.order_id=?
kind: QUERY
reads: order_line
cacheable: yes

-- name: element collection
select t1_0.customer_id,t1_0.tag from customer_tags t1_0 where t1_0.customer_id=?
kind: QUERY
reads: customer_tags
cacheable: yes

-- name: in list of ids
select c1_0.id,c1_0.name from customer c1_0 where c1_0.id in (?,?,?,?,?,?,?,?)
kind: QUERY
reads: customer
cacheable: yes

-- name: exists subquery from HQL
select c1_0.id,c1_0.name from customer c1_0 where exists(select 1 from orders o1_0 where o1_0.customer_id=c1_0.id and o1_0.status=?)
kind: QUERY
reads: customer, orders
cacheable: yes

-- name: group by having
select c1_0.id,count(o1_0.id) from customer c1_0 left join orders o1_0 on c1_0.id=o1_0.customer_id group by c1_0.id having count(o1_0.id)>?
kind: QUERY
reads: customer, orders
cacheable: yes

-- name: projection with coalesce and cast
select c1_0.id,coalesce(c1_0.nickname,c1_0.name),cast(c1_0.version as varchar) from customer c1_0 where c1_0.id=?
kind: QUERY
reads: customer
cacheable: yes

-- name: joined inheritance
select p1_0.id,case when p1_1.id is not null then 1 when p1_2.id is not null then 2 when p1_0.id is not null then 0 end,p1_0.amount,p1_1.card_number,p1_2.iban from payment p1_0 left join card_payment p1_1 on p1_0.id=p1_1.id left join bank_payment p1_2 on p1_0.id=p1_2.id where p1_0.id=?
kind: QUERY
reads: payment, card_payment, bank_payment
cacheable: yes

-- name: order by nulls last
select p1_0.id,p1_0.name,p1_0.price from product p1_0 order by p1_0.price desc nulls last,p1_0.id
kind: QUERY
reads: product
cacheable: yes

-- name: distinct root entity
select distinct c1_0.id,c1_0.name from customer c1_0 join orders o1_0 on c1_0.id=o1_0.customer_id where o1_0.status in (?,?)
kind: QUERY
reads: customer, orders
cacheable: yes

-- name: extract year
select o1_0.id from orders o1_0 where extract(year from o1_0.created_at)=?
kind: QUERY
reads: orders
cacheable: yes

-- name: HQL current_date
select o1_0.id from orders o1_0 where o1_0.due_date<current_date
kind: QUERY
reads: orders
cacheable: no
reason: TIME_FUNCTION

-- name: HQL local_datetime renders as localtimestamp
select o1_0.id from orders o1_0 where o1_0.created_at>localtimestamp - interval '1 day'
kind: QUERY
reads: orders
cacheable: no
reason: TIME_FUNCTION

-- name: pessimistic write lock
select c1_0.id,c1_0.name,c1_0.version from customer c1_0 where c1_0.id=? for no key update
kind: QUERY
reads: customer
cacheable: no
reason: LOCKING_CLAUSE

-- name: pessimistic write lock, plain
select c1_0.id,c1_0.version from customer c1_0 where c1_0.id=? for update
kind: QUERY
reads: customer
cacheable: no
reason: LOCKING_CLAUSE

-- name: pessimistic read lock
select c1_0.id,c1_0.version from customer c1_0 where c1_0.id=? for share
kind: QUERY
reads: customer
cacheable: no
reason: LOCKING_CLAUSE

-- name: skip locked work queue
select j1_0.id,j1_0.payload from job j1_0 where j1_0.state=? order by j1_0.id fetch first ? rows only for update skip locked
kind: QUERY
reads: job
cacheable: no
reason: LOCKING_CLAUSE

-- name: sequence next value
select nextval('customer_seq')
kind: QUERY
reads:
cacheable: no
reason: VOLATILE_FUNCTION

-- name: pooled optimizer sequence
select nextval('order_line_seq')
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: persist with assigned id
insert into customer (email,name,version,id) values (?,?,?,?)
kind: INSERT
reads:
writes: customer
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: persist identity returning id
insert into customer (email,name,version) values (?,?,?) returning id
kind: INSERT
writes: customer
cacheable: no
reason: NOT_A_QUERY

-- name: batched insert statement
insert into order_line (order_id,product_id,quantity,id) values (?,?,?,?)
kind: INSERT
writes: order_line
cacheable: no

-- name: multi-row insert
insert into customer_tags (customer_id,tag) values (?,?),(?,?),(?,?)
kind: INSERT
writes: customer_tags
cacheable: no

-- name: merge with optimistic lock
update customer set email=?,name=?,version=? where id=? and version=?
kind: UPDATE
reads: customer
writes: customer
writesUnknown: no
cacheable: no
reason: NOT_A_QUERY

-- name: dynamic update
update orders set status=? where id=?
kind: UPDATE
writes: orders
cacheable: no

-- name: remove with version
delete from customer where id=? and version=?
kind: DELETE
writes: customer
cacheable: no
reason: NOT_A_QUERY

-- name: collection removal
delete from order_line where order_id=?
kind: DELETE
writes: order_line
cacheable: no

-- name: element collection clear
delete from customer_tags where customer_id=?
kind: DELETE
writes: customer_tags
cacheable: no

-- name: bulk HQL update
update orders set status=? where created_at<?
kind: UPDATE
writes: orders
cacheable: no

-- name: bulk delete with subquery
delete from order_line where order_id in (select o1_0.id from orders o1_0 where o1_0.status=?)
kind: DELETE
reads: order_line, orders
writes: order_line
cacheable: no

-- name: bulk update with subquery
update product set price=(price*?) where id in (select ol1_0.product_id from order_line ol1_0 where ol1_0.quantity>?)
kind: UPDATE
reads: product, order_line
writes: product
cacheable: no

-- name: version increment (OPTIMISTIC_FORCE_INCREMENT)
update customer set version=? where id=? and version=?
kind: UPDATE
writes: customer
cacheable: no

-- name: native query with named alias
select c.id, c.name, count(o.id) as order_count from customer c left join orders o on o.customer_id = c.id group by c.id, c.name order by order_count desc limit ?
kind: QUERY
reads: customer, orders
cacheable: yes

-- name: Spring Data derived delete loads first
select c1_0.id,c1_0.email,c1_0.name,c1_0.version from customer c1_0 where c1_0.email=?
kind: QUERY
reads: customer
cacheable: yes

-- name: derived query with between and order
select o1_0.id,o1_0.created_at from orders o1_0 where o1_0.created_at between ? and ? order by o1_0.created_at desc
kind: QUERY
reads: orders
cacheable: yes

-- name: derived query IsNull and StartingWith
select c1_0.id from customer c1_0 where c1_0.deleted_at is null and c1_0.name like ? escape '\'
kind: QUERY
reads: customer
cacheable: yes

-- name: schema-qualified entity
select i1_0.id,i1_0.total from billing.invoice i1_0 where i1_0.customer_id=?
kind: QUERY
reads: billing.invoice
cacheable: yes

-- name: schema-qualified insert
insert into billing.invoice (customer_id,total,id) values (?,?,?)
kind: INSERT
writes: billing.invoice
cacheable: no

-- name: tuple in-list
select o1_0.id from orders o1_0 where (o1_0.customer_id,o1_0.status) in ((?,?),(?,?))
kind: QUERY
reads: orders
cacheable: yes

-- name: union subclass
select u1_0.id,u1_0.clazz_ from (select id, 1 as clazz_ from retail_customer union all select id, 2 as clazz_ from business_customer) u1_0 where u1_0.id=?
kind: QUERY
reads: retail_customer, business_customer
cacheable: yes

-- name: scalar subquery in select list
select c1_0.id,(select max(o1_0.created_at) from orders o1_0 where o1_0.customer_id=c1_0.id) from customer c1_0
kind: QUERY
reads: customer, orders
cacheable: yes

-- name: case expression and string functions
select p1_0.id,case when p1_0.price>? then 'expensive' else 'cheap' end,lower(p1_0.name),length(p1_0.sku) from product p1_0
kind: QUERY
reads: product
cacheable: yes

-- name: aggregate projection
select sum(ol1_0.quantity*p1_0.price),avg(p1_0.price),min(p1_0.price),max(p1_0.price) from order_line ol1_0 join product p1_0 on p1_0.id=ol1_0.product_id where ol1_0.order_id=?
kind: QUERY
reads: order_line, product
cacheable: yes

-- name: any with array parameter
select c1_0.id from customer c1_0 where c1_0.id = any(?)
kind: QUERY
reads: customer
cacheable: yes

-- name: soft delete filter with @Where clause
select a1_0.id,a1_0.line1 from address a1_0 where (a1_0.deleted = false) and a1_0.customer_id=?
kind: QUERY
reads: address
cacheable: yes

-- name: many-to-many join table
select r1_0.user_id,r1_1.id,r1_1.name from user_roles r1_0 join role r1_1 on r1_1.id=r1_0.role_id where r1_0.user_id=?
kind: QUERY
reads: user_roles, role
cacheable: yes

-- name: many-to-many insert
insert into user_roles (user_id,role_id) values (?,?)
kind: INSERT
writes: user_roles
cacheable: no

-- name: Envers audit insert
insert into customer_aud (rev,revtype,email,name,id) values (?,?,?,?,?)
kind: INSERT
writes: customer_aud
cacheable: no

-- name: Envers revision query
select c1_0.id,c1_0.rev,c1_0.revtype,c1_0.name from customer_aud c1_0 where c1_0.rev=(select max(c2_0.rev) from customer_aud c2_0 where c2_0.rev<=? and c1_0.id=c2_0.id) and c1_0.revtype<>?
kind: QUERY
reads: customer_aud
cacheable: yes

-- name: hibernate sequence table (table generator)
select tbl.next_val from hibernate_sequences tbl where tbl.sequence_name=? for update
kind: QUERY
reads: hibernate_sequences
cacheable: no
reason: LOCKING_CLAUSE

-- name: hibernate sequence table update
update hibernate_sequences set next_val=? where next_val=? and sequence_name=?
kind: UPDATE
writes: hibernate_sequences
cacheable: no

-- name: comment added by hibernate.use_sql_comments
/* <criteria> */ select c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?
kind: QUERY
reads: customer
cacheable: yes

-- name: hql comment inside query
select /* load com.example.Customer */ c1_0.id,c1_0.name from customer c1_0 where c1_0.id=?
kind: QUERY
reads: customer
cacheable: yes

-- name: H2 dialect find by id
-- dialect: h2
select c1_0.id,c1_0.email,c1_0.name from customer c1_0 where c1_0.id=?
kind: QUERY
reads: CUSTOMER
cacheable: yes

-- name: H2 dialect sequence
-- dialect: h2
select next value for customer_seq
kind: QUERY
cacheable: no
reason: VOLATILE_FUNCTION

-- name: H2 dialect paging
-- dialect: h2
select c1_0.id,c1_0.name from customer c1_0 order by c1_0.name offset ? rows fetch first ? rows only
kind: QUERY
reads: CUSTOMER
cacheable: yes

-- name: H2 dialect insert
-- dialect: h2
insert into customer (email,name,id) values (?,?,?)
kind: INSERT
writes: CUSTOMER
cacheable: no

-- name: H2 dialect update
-- dialect: h2
update customer set name=? where id=?
kind: UPDATE
writes: CUSTOMER
cacheable: no

-- name: keyset pagination (Spring Data Window)
select o1_0.id,o1_0.created_at from orders o1_0 where (o1_0.created_at,o1_0.id)>(?,?) order by o1_0.created_at,o1_0.id fetch first ? rows only
kind: QUERY
reads: orders
cacheable: yes

-- name: window function in native query
select o.id, row_number() over (partition by o.customer_id order by o.created_at desc) as rn from orders o
kind: QUERY
reads: orders
cacheable: yes
