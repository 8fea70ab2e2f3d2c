"""The rows of the desk-scale table: the REST requests the desk sends, and the SQL the services send for them, as
pgbench scripts (one transaction per request, as the service runs it). Keep the SQL in step with the services: it
is the yardstick REST is compared with. The first statement of each row's first script is the one whose plan is
shown."""

import json
import urllib.parse

PAGE = 20
WO_COLUMNS = 'id, wo_number, vehicle_id, plate, customer_id, status, visit_types, advisor, opened_at, version'
SAMPLES = 12  # pgbench scripts per row (REST rotates over all samples)


def enc(s):
    return urllib.parse.quote(s, safe='')


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def contains(s):
    return lit('%' + s.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_') + '%')


def tx(*statements):
    """One transaction; a statement ending in \\gset (pgbench: keep the result in variables) takes no semicolon."""
    return 'BEGIN;\n' + ''.join(st + ('\n' if st.endswith('\\gset') else ';\n') for st in statements) + 'COMMIT;'


def wo_load(ids_sql):
    """Jobs, lines and finished clocks of the work orders found (WorkOrderRecords.loadAll)."""
    return [f'SELECT * FROM wo_job WHERE work_order_id IN ({ids_sql}) ORDER BY seq',
            f'SELECT * FROM wo_line WHERE work_order_id IN ({ids_sql}) ORDER BY id',
            f'SELECT * FROM wo_clock WHERE work_order_id IN ({ids_sql}) AND ended_at IS NOT NULL']


def customer_tags(ids_sql):
    return f'SELECT customer_id, tag FROM customer_tag WHERE customer_id IN ({ids_sql})'


def count_upto(from_where):
    """PagedSearch's count when the page is full: the keys of at most COUNT_LIMIT + 1 matches, never the table."""
    return f'SELECT id FROM {from_where} LIMIT 1001'


def wo_by_plate(plate):
    """JpaWorkOrders.search by a whole plate: its work orders by key, newest first; a page that is not full needs no
    count (the samples' plates have 1-3 work orders each)."""
    where = f'plate = {lit(plate)}'
    return tx(page_keeping_ids(f'SELECT * FROM wo_work_order WHERE {where} ORDER BY id DESC LIMIT {PAGE}'),
              *wo_load(':ids'))


def vin_like(t):
    """JpaVehicleService.vinPattern: six or more characters only, six as the VIN's end; None: VINs not searched."""
    if len(t) < 6:
        return None
    return lit('%' + t) if len(t) == 6 else contains(t)


def vehicles_where(text):
    """VehicleService.search: the text in the plate (if a plate can hold it), or in the VIN (see vin_like)."""
    t = text.upper()
    any_ = [f"plate LIKE {contains(t)} ESCAPE '\\'"]
    if vin_like(t):
        any_.append(f"vin LIKE {vin_like(t)} ESCAPE '\\'")
    return '(' + ' OR '.join(any_) + ')'


def vehicles_search(text):
    where = vehicles_where(text)
    return tx(f'SELECT * FROM vehicle WHERE {where} ORDER BY id DESC LIMIT {PAGE}',
              count_upto(f'vehicle WHERE {where}'))


def page_keeping_ids(select):
    """The page as the service reads it, its ids kept for the statements after it."""
    return f"SELECT coalesce(string_agg(id::text, ',' ORDER BY id DESC), '0') AS ids FROM ({select}) p \\gset"


def tags_in_one():
    """EclipseLink's batch reading of the page's tags (PagedSearch.batch)."""
    return 'SELECT customer_id, tag FROM customer_tag WHERE customer_id IN (:ids)'


def customers_search(text):
    """CustomerResource: owners of vehicles whose plate or VIN holds the text (only if a plate or VIN can hold it;
    at most 50 vehicles), then customers by name (one or two characters as a piece of the name, PostgreSQL only),
    mobile or among those owners; tags in one query."""
    t = text.lower()
    statements = []
    if 1 <= len(t) <= 2:
        # one or two characters: the index of every name's pieces (migration customer-004), no LIKE beside it
        any_ = [f'name_pieces @> ARRAY[CAST({lit(t)} AS text)]']
    else:
        any_ = [f"name_search LIKE {contains(t)} ESCAPE '\\'"]
    u = text.upper()
    if all(c.isdigit() or ('A' <= c <= 'Z') for c in u):
        owners = (f"SELECT coalesce(string_agg(owner_id::text, ','), '0') AS owners FROM (SELECT owner_id FROM vehicle"
                  f" WHERE plate LIKE {contains(u)} ESCAPE '\\'"
                  + (f" OR vin LIKE {vin_like(u)} ESCAPE '\\'" if vin_like(u) else '') +
                  f" ORDER BY id DESC LIMIT 50) o \\gset")
        statements.append(owners)
        any_.append('id IN (:owners)')
    if t.isdigit() and len(t) >= 4:
        any_.append(f'mobile LIKE {lit("%" + t)}')  # the tail
    where = '(' + ' OR '.join(any_) + ')'
    return tx(*statements,
              page_keeping_ids(f'SELECT * FROM customer WHERE {where} ORDER BY id DESC LIMIT {PAGE}'),
              count_upto(f'customer WHERE {where}'), tags_in_one())


def customer_page():
    return tx(page_keeping_ids(f'SELECT * FROM customer ORDER BY id DESC LIMIT {PAGE}'),
              count_upto('customer'), tags_in_one())


def vehicle_by_plate(plate):
    return tx(f'SELECT * FROM vehicle WHERE active_plate = {lit(plate)}')


def wo_by_id(wid):
    return tx(f'SELECT * FROM wo_work_order WHERE id = {wid}', *wo_load(str(wid)))


def open_work_order(plate):
    """Reception (JpaReception.receive): find the vehicle, refuse a second open one unless confirmed, the odometer
    reading under the vehicle's row lock, then the work order under the day's counter lock."""
    v = f'(SELECT id FROM vehicle WHERE active_plate = {lit(plate)})'
    return '\n'.join([
        f'SELECT * FROM vehicle WHERE active_plate = {lit(plate)};',
        'BEGIN;',
        f'SELECT * FROM vehicle WHERE id = {v} FOR UPDATE;',
        f'SELECT * FROM vehicle_odometer_reading WHERE vehicle_id = {v} ORDER BY read_at DESC, id DESC LIMIT 1;',
        f"INSERT INTO vehicle_odometer_reading (vehicle_id, km, read_at, source, recorded_by, confirmed_lower)"
        f" VALUES ({v}, 200000, now(), 'reception', 'advisor', true);",
        f'UPDATE vehicle SET last_odometer_km = 200000, version = version + 1 WHERE id = {v};',
        'COMMIT;',
        'BEGIN;',
        "SELECT * FROM wo_counter WHERE day = '29991231';",
        'COMMIT;',
        'BEGIN;',
        "SELECT * FROM wo_counter WHERE day = '29991231' FOR UPDATE;",
        "UPDATE wo_counter SET last_value = last_value + 1 WHERE day = '29991231' RETURNING last_value AS n \\gset",
        f"SELECT * FROM wo_work_order WHERE vehicle_id = {v} AND status = 'DELIVERED'"
        ' ORDER BY delivered_at DESC, id DESC LIMIT 1;',
        'INSERT INTO wo_work_order (wo_number, vehicle_id, plate, customer_id, status, visit_types, mileage_in_km,'
        ' advisor, vat_rate, rework_count, final_qc_passed, opened_at, opened_by, updated_at, updated_by, version)'
        f" SELECT 'RAW29991231-' || :n, id, plate, owner_id, 'AWAITING_DISPATCH', 'GENERAL_REPAIR', 200000,"
        f" 'advisor', 0.13, 0, false, now(), 'advisor', now(), 'advisor', 1 FROM vehicle WHERE id = {v}"
        ' RETURNING id AS w \\gset',
        "INSERT INTO wo_job (work_order_id, seq, concern, pay_type, add_on) VALUES (:w, 1, '异响检查', 'CUSTOMER', false);",
        "INSERT INTO wo_status_history (work_order_id, to_status, username, changed_at)"
        " VALUES (:w, 'AWAITING_DISPATCH', 'advisor', now());",
        *[s + ';' for s in wo_load(':w')],
        'COMMIT;'])


def rows(s):
    """One entry per row of the table: key, title, REST requests (method, path, body), SQL scripts."""
    reception = [('POST', '/api/work-orders', json.dumps({
        'plate': p, 'mileageKm': 200000, 'confirmLowerMileage': True, 'confirmSecondOpen': True,
        'concerns': [{'concern': '异响检查', 'payType': 'CUSTOMER'}], 'visitTypes': ['GENERAL_REPAIR']},
        ensure_ascii=False)) for p in s['open_plates']]
    return [
        dict(key='wo-plate', title='work orders of a plate (`/work-orders?plate=`)',
             requests=[('GET', f'/api/work-orders?plate={enc(p)}', None) for p in s['plates']],
             sql=[wo_by_plate(p) for p in s['plates'][:SAMPLES]]),
        dict(key='vehicle-partial', title='vehicles by partial plate (`?q=2345`)',
             requests=[('GET', f'/api/vehicles?q={enc(p)}', None) for p in s['partials']],
             sql=[vehicles_search(p) for p in s['partials'][:SAMPLES]]),
        dict(key='vehicle-vin6', title='vehicles by the last six of the VIN',
             requests=[('GET', f'/api/vehicles?q={enc(p)}', None) for p in s['vin6']],
             sql=[vehicles_search(p) for p in s['vin6'][:SAMPLES]]),
        dict(key='customer-mobile', title='customers by mobile tail',
             requests=[('GET', f'/api/customers?q={enc(p)}', None) for p in s['mobile4']],
             sql=[customers_search(p) for p in s['mobile4'][:SAMPLES]]),
        dict(key='customer-name', title='customers by name',
             requests=[('GET', f'/api/customers?q={enc(p)}', None) for p in s['names']],
             sql=[customers_search(p) for p in s['names'][:SAMPLES]]),
        dict(key='customer-page', title='customer list, page 1',
             requests=[('GET', '/api/customers', None)],
             sql=[customer_page()]),
        dict(key='vehicle-plate', title='vehicle by exact plate',
             requests=[('GET', f'/api/vehicles/by-plate/{enc(p)}', None) for p in s['active']],
             sql=[vehicle_by_plate(p) for p in s['active'][:SAMPLES]]),
        dict(key='wo-id', title='work order by id with jobs and lines',
             requests=[('GET', f'/api/work-orders/{i}', None) for i in s['wo_ids']],
             sql=[wo_by_id(i) for i in s['wo_ids'][:SAMPLES]]),
        dict(key='wo-open', title='opening a work order (POST)',
             requests=reception,
             sql=[open_work_order(p) for p in s['open_plates'][:SAMPLES]]),
    ]
