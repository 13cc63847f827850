-- default-dialect: postgresql
-- SQL captured from real runs of the framework integration tests (2026-11-25), PostgreSQL through jdbc:cache:.
-- Frameworks (root pom.xml): Hibernate 7.2.25.Final, jOOQ 3.19.39, MyBatis 3.5.19, Spring JDBC 6.2.19.
-- Captured with:
--   mvn -B -o -pl integration-tests -am test -Dtest='dev.jdbccache.it.frameworks.**' -Dsurefire.failIfNoSpecifiedTests=false
--     -DargLine="-Dorg.slf4j.simpleLogger.log.dev.jdbccache=debug -Dorg.slf4j.simpleLogger.logFile=/tmp/fw-sql.log
--                -Djava.util.logging.config.file=/tmp/fw-jul.properties"   (org.postgresql.level=FINEST)
-- Reads come from the driver's DEBUG lines; writes (not logged by the driver) from pgjdbc's FINEST "FE=> Parse"
-- lines, with pgjdbc's $n turned back into ? and runs of whitespace collapsed. Statements that differ only in
-- literal values are listed once. The test harness's own SQL (schema setup, reset, the "elsewhere" checks,
-- pgjdbc metadata) is left out. Where pgjdbc appends RETURNING for generated keys, the entry holds the SQL the
-- framework handed to JDBC; the wire forms are listed separately at the end.


-- name: hibernate: bootstrap server version
select version()
kind: QUERY
reads:
cacheable: no
reason: TIME_FUNCTION

-- name: hibernate: bootstrap default isolation level
SELECT setting FROM pg_catalog.pg_settings WHERE name='default_transaction_isolation'
kind: QUERY
reads: pg_catalog.pg_settings
cacheable: no
reason: SYSTEM_CATALOG

-- name: hibernate: bootstrap keyword list
select string_agg(word, ',') from pg_catalog.pg_get_keywords() where word <> ALL ('{a,abs,absolute,action,ada,add,admin,after,all,allocate,alter,always,and,any,are,array,as,asc,asensitive,assertion,assignment,asymmetric,at,atomic,attribute,attributes,authorization,avg,before,begin,bernoulli,between,bigint,binary,blob,boolean,both,breadth,by,c,call,called,cardinality,cascade,cascaded,case,cast,catalog,catalog_name,ceil,ceiling,chain,char,char_length,character,character_length,character_set_catalog,character_set_name,character_set_schema,characteristics,characters,check,checked,class_origin,clob,close,coalesce,cobol,code_units,collate,collation,collation_catalog,collation_name,collation_schema,collect,column,column_name,command_function,command_function_code,commit,committed,condition,condition_number,connect,connection_name,constraint,constraint_catalog,constraint_name,constraint_schema,constraints,constructors,contains,continue,convert,corr,corresponding,count,covar_pop,covar_samp,create,cross,cube,cume_dist,current,current_collation,current_date,current_default_transform_group,current_path,current_role,current_time,current_timestamp,current_transform_group_for_type,current_user,cursor,cursor_name,cycle,data,date,datetime_interval_code,datetime_interval_precision,day,deallocate,dec,decimal,declare,default,defaults,deferrable,deferred,defined,definer,degree,delete,dense_rank,depth,deref,derived,desc,describe,descriptor,deterministic,diagnostics,disconnect,dispatch,distinct,domain,double,drop,dynamic,dynamic_function,dynamic_function_code,each,element,else,end,end-exec,equals,escape,every,except,exception,exclude,excluding,exec,execute,exists,exp,external,extract,false,fetch,filter,final,first,float,floor,following,for,foreign,fortran,found,free,from,full,function,fusion,g,general,get,global,go,goto,grant,granted,group,grouping,having,hierarchy,hold,hour,identity,immediate,implementation,in,including,increment,indicator,initially,inner,inout,input,insensitive,insert,instance,instantiable,int,integer,intersect,intersection,interval,into,invoker,is,isolation,join,k,key,key_member,key_type,language,large,last,lateral,leading,left,length,level,like,ln,local,localtime,localtimestamp,locator,lower,m,map,match,matched,max,maxvalue,member,merge,message_length,message_octet_length,message_text,method,min,minute,minvalue,mod,modifies,module,month,more,multiset,mumps,name,names,national,natural,nchar,nclob,nesting,new,next,no,none,normalize,normalized,not,"null",nullable,nullif,nulls,number,numeric,object,octet_length,octets,of,old,on,only,open,option,options,or,order,ordering,ordinality,others,out,outer,output,over,overlaps,overlay,overriding,pad,parameter,parameter_mode,parameter_name,parameter_ordinal_position,parameter_specific_catalog,parameter_specific_name,parameter_specific_schema,partial,partition,pascal,path,percent_rank,percentile_cont,percentile_disc,placing,pli,position,power,preceding,precision,prepare,preserve,primary,prior,privileges,procedure,public,range,rank,read,reads,real,recursive,ref,references,referencing,regr_avgx,regr_avgy,regr_count,regr_intercept,regr_r2,regr_slope,regr_sxx,regr_sxy,regr_syy,relative,release,repeatable,restart,result,return,returned_cardinality,returned_length,returned_octet_length,returned_sqlstate,returns,revoke,right,role,rollback,rollup,routine,routine_catalog,routine_name,routine_schema,row,row_count,row_number,rows,savepoint,scale,schema,schema_name,scope_catalog,scope_name,scope_schema,scroll,search,second,section,security,select,self,sensitive,sequence,serializable,server_name,session,session_user,set,sets,similar,simple,size,smallint,some,source,space,specific,specific_name,specifictype,sql,sqlexception,sqlstate,sqlwarning,sqrt,start,state,statement,static,stddev_pop,stddev_samp,structure,style,subclass_origin,submultiset,substring,sum,symmetric,system,system_user,table,table_name,tablesample,temporary,then,ties,time,timestamp,timezone_hour,timezone_minute,to,top_level_count,trailing,transaction,transaction_active,transactions_committed,transactions_rolled_back,transform,transforms,translate,translation,treat,trigger,trigger_catalog,trigger_name,trigger_schema,trim,true,type,uescape,unbounded,uncommitted,under,union,unique,unknown,unnamed,unnest,update,upper,usage,user,user_defined_type_catalog,user_defined_type_code,user_defined_type_name,user_defined_type_schema,using,value,values,var_pop,var_samp,varchar,varying,view,when,whenever,where,width_bucket,window,with,within,without,work,write,year,zone}'::text[])
kind: QUERY
reads:
cacheable: no

-- name: hibernate: find product by id
select p1_0.id,p1_0.name,p1_0.price,p1_0.sku,p1_0.version from Product p1_0 where p1_0.id=?
kind: QUERY
reads: product
cacheable: yes

-- name: hibernate: find purchase order by id
select po1_0.id,po1_0.customer_id,po1_0.placed_on,po1_0.status,po1_0.version from orders po1_0 where po1_0.id=?
kind: QUERY
reads: orders
cacheable: yes

-- name: hibernate: find order line by id
select ol1_0.id,ol1_0.order_id,ol1_0.product_id,ol1_0.quantity,ol1_0.unit_price from order_line ol1_0 where ol1_0.id=?
kind: QUERY
reads: order_line
cacheable: yes

-- name: hibernate: lazy load of an order's lines (ordered collection)
select l1_0.order_id,l1_0.id,l1_0.product_id,l1_0.quantity,l1_0.unit_price from order_line l1_0 where l1_0.order_id=? order by l1_0.id
kind: QUERY
reads: order_line
cacheable: yes

-- name: hibernate: JPQL count of products
select count(p1_0.id) from Product p1_0
kind: QUERY
reads: product
cacheable: yes

-- name: hibernate: JPQL count over an implicit join with an inlined literal
select count(ol1_0.id) from order_line ol1_0 join orders o1_0 on o1_0.id=ol1_0.order_id where o1_0.customer_id=2
kind: QUERY
reads: order_line, orders
cacheable: yes

-- name: hibernate: JPQL aggregate over two joins
select c1_0.name,sum((ol1_0.quantity*ol1_0.unit_price)) from order_line ol1_0 join orders o1_0 on o1_0.id=ol1_0.order_id join Customer c1_0 on c1_0.id=o1_0.customer_id group by c1_0.name order by c1_0.name
kind: QUERY
reads: order_line, orders, customer
cacheable: yes

-- name: hibernate: criteria query page (offset rows fetch first rows only)
select p1_0.id,p1_0.name,p1_0.price,p1_0.sku,p1_0.version from Product p1_0 where p1_0.price>? order by p1_0.name offset ? rows fetch first ? rows only
kind: QUERY
reads: product
cacheable: yes

-- name: hibernate: native query on a view with a positional parameter (also MyBatis orderTotal)
select total from order_total where order_id = ?
kind: QUERY
reads: order_total
cacheable: yes

-- name: hibernate: native count with a literal
select count(*) from order_line where order_id = 3
kind: QUERY
reads: order_line
cacheable: yes

-- name: hibernate: native join of a table and a view
select c.name, t.total from customer c join order_total t on t.customer_id = c.id where t.order_id = 101
kind: QUERY
reads: customer, order_total
cacheable: yes

-- name: hibernate: sequence call for a pooled product id
select nextval('product_seq')
kind: QUERY
reads:
cacheable: no
reason: VOLATILE_FUNCTION

-- name: hibernate: sequence call for an order line id
select nextval('order_line_seq')
kind: QUERY
reads:
cacheable: no
reason: VOLATILE_FUNCTION

-- name: hibernate: persist product with a sequence id
insert into Product (name,price,sku,version,id) values (?,?,?,?,?)
kind: INSERT
writes: product
cacheable: no
reason: NOT_A_QUERY

-- name: hibernate: persist order with an identity id (generated keys)
insert into orders (customer_id,placed_on,status,version) values (?,?,?,?)
kind: INSERT
writes: orders
cacheable: no
reason: NOT_A_QUERY

-- name: hibernate: persist customer with an identity id (generated keys)
insert into Customer (email,name,version) values (?,?,?)
kind: INSERT
writes: customer
cacheable: no
reason: NOT_A_QUERY

-- name: hibernate: batched order line inserts
insert into order_line (order_id,product_id,quantity,unit_price,id) values (?,?,?,?,?)
kind: INSERT
writes: order_line
cacheable: no
reason: NOT_A_QUERY

-- name: hibernate: dirty-checked update of an unversioned entity
update order_line set order_id=?,product_id=?,quantity=?,unit_price=? where id=?
kind: UPDATE
writes: order_line
cacheable: no
reason: NOT_A_QUERY

-- name: hibernate: update with an optimistic version check
update Product set name=?,price=?,sku=?,version=? where id=? and version=?
kind: UPDATE
writes: product
cacheable: no
reason: NOT_A_QUERY

-- name: hibernate: JPQL bulk delete with an alias
delete from orders po1_0 where po1_0.id=3
kind: DELETE
writes: orders
cacheable: no
reason: NOT_A_QUERY


-- name: jooq: view total by order id
select "order_total"."total" from "order_total" where "order_total"."order_id" = ?
kind: QUERY
reads: order_total
cacheable: yes

-- name: jooq: customer name by email
select "customer"."name" from "customer" where "customer"."email" = ?
kind: QUERY
reads: customer
cacheable: yes

-- name: jooq: left outer join with group by and order by
select "customer"."name", count("orders"."id") from "customer" left outer join "orders" on "orders"."customer_id" = "customer"."id" group by "customer"."name" order by "customer"."name"
kind: QUERY
reads: customer, orders
cacheable: yes

-- name: jooq: fetchCount of an order's lines
select count(*) from "order_line" where "order_line"."order_id" = ?
kind: QUERY
reads: order_line
cacheable: yes

-- name: jooq: insert returning the generated id
insert into "customer" ("name", "email") values (?, ?) returning "customer"."id"
kind: INSERT
writes: customer
cacheable: no
reason: NOT_A_QUERY

-- name: jooq: batch insert of order lines
insert into "order_line" ("order_id", "product_id", "quantity", "unit_price") values (?, ?, ?, ?)
kind: INSERT
writes: order_line
cacheable: no
reason: NOT_A_QUERY

-- name: jooq: update with a self-referencing parenthesised expression
update "order_line" set "quantity" = ("order_line"."quantity" + ?) where "order_line"."order_id" = ?
kind: UPDATE
reads: order_line
writes: order_line
cacheable: no
reason: NOT_A_QUERY

-- name: jooq: delete by id
delete from "orders" where "orders"."id" = ?
kind: DELETE
writes: orders
cacheable: no
reason: NOT_A_QUERY


-- name: mybatis: countLines
select count(*) from order_line where order_id = ?
kind: QUERY
reads: order_line
cacheable: yes

-- name: mybatis: productsByIds foreach IN list of one
select id, sku, name, price from product where id in ( ? ) order by id
kind: QUERY
reads: product
cacheable: yes

-- name: mybatis: productsByIds foreach IN list of two
select id, sku, name, price from product where id in ( ? , ? ) order by id
kind: QUERY
reads: product
cacheable: yes

-- name: mybatis: productsByIds foreach IN list of three
select id, sku, name, price from product where id in ( ? , ? , ? ) order by id
kind: QUERY
reads: product
cacheable: yes

-- name: mybatis: insertProduct (useGeneratedKeys)
insert into product (sku, name, price) values (?, ?, ?)
kind: INSERT
writes: product
cacheable: no
reason: NOT_A_QUERY

-- name: mybatis: updatePrice bumping the version
update product set price = ?, version = version + 1 where id = ?
kind: UPDATE
writes: product
cacheable: no
reason: NOT_A_QUERY

-- name: mybatis: updateLineQuantity (also Spring JdbcTemplate.update)
update order_line set quantity = ? where id = ?
kind: UPDATE
writes: order_line
cacheable: no
reason: NOT_A_QUERY

-- name: mybatis: deleteProduct
delete from product where id = ?
kind: DELETE
writes: product
cacheable: no
reason: NOT_A_QUERY

-- name: mybatis: deleteOrder (lines go by the cascading foreign key)
delete from orders where id = ?
kind: DELETE
writes: orders
cacheable: no
reason: NOT_A_QUERY


-- name: spring: orders of a customer joined to the totals view
select o.id, o.status, t.total from orders o join order_total t on t.order_id = o.id where o.customer_id = ? order by o.id
kind: QUERY
reads: orders, order_total
cacheable: yes

-- name: spring: NamedParameterJdbcTemplate collection expanded into an IN list
select name from product where id in (?, ?) order by name
kind: QUERY
reads: product
cacheable: yes

-- name: spring: queryForObject count
select count(*) from orders where customer_id = ?
kind: QUERY
reads: orders
cacheable: yes

-- name: spring: named insert with a literal, KeyHolder for the id
insert into orders (customer_id, placed_on, status) values (?, ?, 'NEW')
kind: INSERT
writes: orders
cacheable: no
reason: NOT_A_QUERY

-- name: spring: batchUpdate insert-select of order lines
insert into order_line (order_id, product_id, quantity, unit_price) select ?, id, ?, price from product where id = ?
kind: INSERT
reads: product
writes: order_line
cacheable: no
reason: NOT_A_QUERY


-- name: pgjdbc wire form: hibernate identity insert with RETURNING *
insert into orders (customer_id,placed_on,status,version) values (?,?,?,?) RETURNING *
kind: INSERT
writes: orders
cacheable: no
reason: NOT_A_QUERY

-- name: pgjdbc wire form: mybatis useGeneratedKeys with a quoted RETURNING column
insert into product (sku, name, price) values (?, ?, ?) RETURNING "id"
kind: INSERT
writes: product
cacheable: no
reason: NOT_A_QUERY

-- name: pgjdbc wire form: spring KeyHolder insert
insert into orders (customer_id, placed_on, status) values (?, ?, 'NEW') RETURNING "id"
kind: INSERT
writes: orders
cacheable: no
reason: NOT_A_QUERY
