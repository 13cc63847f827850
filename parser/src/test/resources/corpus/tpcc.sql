-- default-dialect: postgresql
-- TPC-C transaction statements (as in BenchBase), per transaction.

-- name: TPC-C new-order get customer and warehouse
SELECT c_discount, c_last, c_credit, w_tax FROM customer, warehouse WHERE w_id = ? AND c_w_id = w_id AND c_d_id = ? AND c_id = ?
kind: QUERY
reads: customer, warehouse
cacheable: yes

-- name: TPC-C new-order get district for update
SELECT d_next_o_id, d_tax FROM district WHERE d_w_id = ? AND d_id = ? FOR UPDATE
kind: QUERY
reads: district
cacheable: no
reason: LOCKING_CLAUSE

-- name: TPC-C new-order update district
UPDATE district SET d_next_o_id = d_next_o_id + 1 WHERE d_w_id = ? AND d_id = ?
kind: UPDATE
writes: district
cacheable: no

-- name: TPC-C new-order insert order
INSERT INTO oorder (o_id, o_d_id, o_w_id, o_c_id, o_entry_d, o_ol_cnt, o_all_local) VALUES (?, ?, ?, ?, ?, ?, ?)
kind: INSERT
writes: oorder
cacheable: no

-- name: TPC-C new-order insert new_order
INSERT INTO new_order (no_o_id, no_d_id, no_w_id) VALUES ( ?, ?, ?)
kind: INSERT
writes: new_order
cacheable: no

-- name: TPC-C new-order get item
SELECT i_price, i_name , i_data FROM item WHERE i_id = ?
kind: QUERY
reads: item
cacheable: yes

-- name: TPC-C new-order get stock for update
SELECT s_quantity, s_data, s_dist_01, s_dist_02, s_dist_03, s_dist_04, s_dist_05, s_dist_06, s_dist_07, s_dist_08, s_dist_09, s_dist_10 FROM stock WHERE s_i_id = ? AND s_w_id = ? FOR UPDATE
kind: QUERY
reads: stock
cacheable: no
reason: LOCKING_CLAUSE

-- name: TPC-C new-order update stock
UPDATE stock SET s_quantity = ? , s_ytd = s_ytd + ?, s_order_cnt = s_order_cnt + 1, s_remote_cnt = s_remote_cnt + ? WHERE s_i_id = ? AND s_w_id = ?
kind: UPDATE
writes: stock
cacheable: no

-- name: TPC-C new-order insert order line
INSERT INTO order_line (ol_o_id, ol_d_id, ol_w_id, ol_number, ol_i_id, ol_supply_w_id, ol_quantity, ol_amount, ol_dist_info) VALUES (?,?,?,?,?,?,?,?,?)
kind: INSERT
writes: order_line
cacheable: no

-- name: TPC-C payment update warehouse
UPDATE warehouse SET w_ytd = w_ytd + ? WHERE w_id = ?
kind: UPDATE
writes: warehouse
cacheable: no

-- name: TPC-C payment get warehouse
SELECT w_street_1, w_street_2, w_city, w_state, w_zip, w_name FROM warehouse WHERE w_id = ?
kind: QUERY
reads: warehouse
cacheable: yes

-- name: TPC-C payment update district
UPDATE district SET d_ytd = d_ytd + ? WHERE d_w_id = ? AND d_id = ?
kind: UPDATE
writes: district
cacheable: no

-- name: TPC-C payment get district
SELECT d_street_1, d_street_2, d_city, d_state, d_zip, d_name FROM district WHERE d_w_id = ? AND d_id = ?
kind: QUERY
reads: district
cacheable: yes

-- name: TPC-C payment count customers by last name
SELECT count(c_id) AS name_count FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_last = ?
kind: QUERY
reads: customer
cacheable: yes

-- name: TPC-C payment customers by last name
SELECT c_first, c_middle, c_id, c_street_1, c_street_2, c_city, c_state, c_zip, c_phone, c_credit, c_credit_lim, c_discount, c_balance, c_ytd_payment, c_payment_cnt, c_since FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_last = ? ORDER BY c_first
kind: QUERY
reads: customer
cacheable: yes

-- name: TPC-C payment customer by id for update
SELECT c_first, c_middle, c_last, c_street_1, c_street_2, c_city, c_state, c_zip, c_phone, c_credit, c_credit_lim, c_discount, c_balance, c_ytd_payment, c_payment_cnt, c_since FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_id = ? FOR UPDATE
kind: QUERY
reads: customer
cacheable: no
reason: LOCKING_CLAUSE

-- name: TPC-C payment get customer data
SELECT c_data FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?
kind: QUERY
reads: customer
cacheable: yes

-- name: TPC-C payment update customer balance and data
UPDATE customer SET c_balance = ?, c_ytd_payment = ?, c_payment_cnt = ?, c_data = ? WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?
kind: UPDATE
writes: customer
cacheable: no

-- name: TPC-C payment insert history
INSERT INTO history (h_c_d_id, h_c_w_id, h_c_id, h_d_id, h_w_id, h_date, h_amount, h_data) VALUES (?,?,?,?,?,?,?,?)
kind: INSERT
writes: history
cacheable: no

-- name: TPC-C order-status last order
SELECT o_id, o_carrier_id, o_entry_d FROM oorder WHERE o_w_id = ? AND o_d_id = ? AND o_c_id = ? ORDER BY o_id DESC LIMIT 1
kind: QUERY
reads: oorder
cacheable: yes

-- name: TPC-C order-status order lines
SELECT ol_i_id, ol_supply_w_id, ol_quantity, ol_amount, ol_delivery_d FROM order_line WHERE ol_o_id = ? AND ol_d_id = ? AND ol_w_id = ?
kind: QUERY
reads: order_line
cacheable: yes

-- name: TPC-C delivery oldest new order
SELECT no_o_id FROM new_order WHERE no_d_id = ? AND no_w_id = ? ORDER BY no_o_id ASC LIMIT 1
kind: QUERY
reads: new_order
cacheable: yes

-- name: TPC-C delivery delete new order
DELETE FROM new_order WHERE no_o_id = ? AND no_d_id = ? AND no_w_id = ?
kind: DELETE
writes: new_order
cacheable: no

-- name: TPC-C delivery get customer of order
SELECT o_c_id FROM oorder WHERE o_id = ? AND o_d_id = ? AND o_w_id = ?
kind: QUERY
reads: oorder
cacheable: yes

-- name: TPC-C delivery set carrier
UPDATE oorder SET o_carrier_id = ? WHERE o_id = ? AND o_d_id = ? AND o_w_id = ?
kind: UPDATE
writes: oorder
cacheable: no

-- name: TPC-C delivery update order lines
UPDATE order_line SET ol_delivery_d = ? WHERE ol_o_id = ? AND ol_d_id = ? AND ol_w_id = ?
kind: UPDATE
writes: order_line
cacheable: no

-- name: TPC-C delivery sum amounts
SELECT SUM(ol_amount) AS ol_total FROM order_line WHERE ol_o_id = ? AND ol_d_id = ? AND ol_w_id = ?
kind: QUERY
reads: order_line
cacheable: yes

-- name: TPC-C delivery update customer balance
UPDATE customer SET c_balance = c_balance + ?, c_delivery_cnt = c_delivery_cnt + 1 WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?
kind: UPDATE
writes: customer
cacheable: no

-- name: TPC-C stock-level next order id
SELECT d_next_o_id FROM district WHERE d_w_id = ? AND d_id = ?
kind: QUERY
reads: district
cacheable: yes

-- name: TPC-C stock-level count low stock
SELECT COUNT(DISTINCT (s_i_id)) AS stock_count FROM order_line, stock WHERE ol_w_id = ? AND ol_d_id = ? AND ol_o_id < ? AND ol_o_id >= ? AND s_w_id = ? AND s_i_id = ol_i_id AND s_quantity < ?
kind: QUERY
reads: order_line, stock
cacheable: yes

-- name: TPC-C stock-level with join syntax
SELECT COUNT(DISTINCT s.s_i_id) FROM order_line ol JOIN stock s ON s.s_i_id = ol.ol_i_id AND s.s_w_id = ol.ol_w_id WHERE ol.ol_w_id = ? AND ol.ol_d_id = ? AND ol.ol_o_id BETWEEN ? AND ? AND s.s_quantity < ?
kind: QUERY
reads: order_line, stock
cacheable: yes

-- name: TPC-C transaction begin
BEGIN
kind: TRANSACTION_CONTROL
tx: BEGIN
cacheable: no
reason: NOT_A_QUERY

-- name: TPC-C transaction commit
COMMIT
kind: TRANSACTION_CONTROL
tx: COMMIT
cacheable: no

-- name: TPC-C transaction rollback on invalid item
ROLLBACK
kind: TRANSACTION_CONTROL
tx: ROLLBACK
cacheable: no

-- name: TPC-C isolation level
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
kind: TRANSACTION_CONTROL
tx: SET_TRANSACTION
cacheable: no
