-- The dealer-group data set of issue 11, generated inside PostgreSQL (generate_series, set-based INSERTs).
-- Run by desk-scale.sh on a database the platform has migrated (every table exists, empty):
--   psql -v customers=300000 -v vehicles=1000000 -v work_orders=1000000 -f generate.sql
-- Every row satisfies the schema as the changelogs create it and the rules of the services (normalised plates,
-- 17-character VINs, unique mobiles and active plates, one counter row per day). Foreign-key triggers are skipped
-- while loading (session_replication_role = replica, superuser only): the rows refer to each other by construction.
\set ON_ERROR_STOP on
\timing on
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

-- shop time: the data spans four years before 2026-11-30
CREATE TEMP TABLE bench_words AS SELECT
  '{王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭,何,高,林,罗,郑,梁,谢,宋,唐,许,韩,冯,邓,曹,彭,曾,肖,田,董,袁,潘,于,蒋,蔡,余,杜,叶,程,苏,魏,吕,丁,任,沈}'::text[] AS surnames,
  '{伟,芳,娜,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀,霞,平,刚,桂,英,华,玉,萍,红,鹏,飞,辉,建,国,文,斌,宇,浩,凯,婷,雪,琳,晨,阳,欣,怡,博,俊,峰,亮,龙,佳}'::text[] AS given,
  '{粤,京,沪,浙,苏,川,鲁,豫,鄂,湘,闽,皖,冀,陕,辽,渝,津,桂,赣,吉,黑,云,贵,晋,蒙,新,甘,宁,青,琼,藏}'::text[] AS provinces,
  '{A,B,C,D,E,F,G,H,J,K,L,M,N,P,Q,R,S,T,U,V,W,X,Y,Z}'::text[] AS letters,
  '{大众,丰田,本田,别克,日产,宝马,奔驰,奥迪,比亚迪,吉利}'::text[] AS makes,
  '{advisor,adv02,adv03,adv04,adv05,adv06,adv07,adv08}'::text[] AS advisors,
  '{technician,tech02,tech03,tech04,tech05,tech06,tech07,tech08,tech09,tech10,tech11,tech12}'::text[] AS technicians;

-- customers: names from 50 surnames x 50 x 50 given characters, unique mobiles (13/15/18 + 9 digits, a bijection
-- of the id: 7919 is prime to 10^9, so the tails spread evenly, as real numbers' do: a four-digit tail is held by
-- about 30 of 300,000), a company every 20th, a tag on every third
INSERT INTO customer (id, customer_type, name, name_search, mobile, wechat_id, address, marketing_consent,
                      marketing_consent_at, note, created_at, created_by, updated_at, updated_by, version)
SELECT i,
       CASE WHEN i % 20 = 0 THEN 'COMPANY' ELSE 'PERSON' END,
       n, lower(n),
       (ARRAY['13','15','18'])[1 + i % 3] || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0'),
       NULL, NULL, i % 4 = 0, CASE WHEN i % 4 = 0 THEN ts END, NULL, ts, 'import', ts, 'import', 1
FROM (SELECT i,
             CASE WHEN i % 20 = 0 THEN w.surnames[1 + i % 50] || w.given[1 + (i / 50) % 50] || '汽车服务有限公司'
                  ELSE w.surnames[1 + i % 50] || w.given[1 + (i / 50) % 50] || w.given[1 + (i / 2500) % 50] END AS n,
             timestamp '2022-12-01' + (i::double precision / :customers) * interval '1400 days' AS ts
      FROM generate_series(1, :customers) i, bench_words w) c;
INSERT INTO customer_tag (customer_id, tag)
SELECT i, (ARRAY['VIP','车队','老客户','投诉过'])[1 + (i / 3) % 4] FROM generate_series(3, :customers, 3) i;

-- vehicles: plates unique by construction (10 province/office pairs x a bijection of 5 digits), VINs unique
-- (WMI + 5 + check 'X' + year 'N' + plant + a 7-digit serial), every 20th inactive
INSERT INTO vehicle (id, vin, plate, active_plate, make, model, model_year, engine_number, colour, energy_type,
                     owner_id, user_id, insurance_due_date, inspection_due_date, active, last_odometer_km,
                     created_at, created_by, updated_at, updated_by, version)
SELECT i, vin, plate, CASE WHEN i % 20 = 0 THEN NULL ELSE plate END,
       w.makes[1 + i % 10], 'M' || (i % 37), 2010 + i % 15, NULL, NULL,
       (ARRAY['PETROL','PETROL','PETROL','HYBRID','ELECTRIC'])[1 + i % 5],
       1 + (i - 1) % :customers, NULL,
       date '2026-01-01' + (i % 730), date '2026-01-01' + ((i * 7) % 730), i % 20 <> 0, 10000 + i % 150000,
       ts, 'import', ts, 'import', 1
FROM (SELECT i,
             w.provinces[1 + (i / 100000) % 31] || w.letters[1 + (i / 100000) % 24]
               || lpad(((i::bigint * 7919) % 100000)::text, 5, '0') AS plate,
             'LSVAB4' || (ARRAY['1','2','3','4','5','6','7','8','9'])[1 + i % 9] || 'XN' || chr(65 + (i / 10000000) % 8)
               || lpad((i % 10000000)::text, 7, '0') AS vin,
             timestamp '2022-12-01' + (i::double precision / :vehicles) * interval '1400 days' AS ts
      FROM generate_series(1, :vehicles) i, bench_words w) v, bench_words w;

-- work orders: spread over the vehicles (a vehicle has 0-3), delivered except the newest ~0.3 %
INSERT INTO wo_work_order (id, wo_number, vehicle_id, plate, customer_id, status, wait_reason, visit_types,
                           mileage_in_km, fuel_percent, walk_around, advisor, promised_at, delivered_at, vat_rate,
                           rework_count, final_qc_passed, qc_passed, opened_at, opened_by, updated_at, updated_by,
                           version)
SELECT o.i, 'B' || to_char(o.opened, 'YYYYMMDD') || '-' || lpad(o.i::text, 7, '0'), v.id, v.plate, v.owner_id,
       o.status, NULL, (ARRAY['MAINTENANCE','GENERAL_REPAIR','MAINTENANCE,GENERAL_REPAIR','ACCIDENT'])[1 + o.i % 4],
       20000 + o.i % 100000, 50, NULL, w.advisors[1 + o.i % 8], o.opened + interval '6 hours',
       CASE WHEN o.status = 'DELIVERED' THEN o.opened + interval '5 hours' END, 0.1300, 0,
       o.status IN ('DELIVERED', 'COMPLETED'), NULL, o.opened, w.advisors[1 + o.i % 8], o.opened,
       w.advisors[1 + o.i % 8], 3
FROM (SELECT i, 1 + ((i::bigint * 104729) % :vehicles) AS vid,
             timestamp '2022-12-01 01:00' + (i::double precision / :work_orders) * interval '1460 days' AS opened,
             CASE WHEN i > :work_orders - :work_orders / 300
                  THEN (ARRAY['AWAITING_DISPATCH','IN_REPAIR','WAITING','AWAITING_QC','COMPLETED'])[1 + i % 5]
                  WHEN i % 97 = 0 THEN 'CANCELLED' ELSE 'DELIVERED' END AS status
      FROM generate_series(1, :work_orders) i) o
JOIN vehicle v ON v.id = o.vid, bench_words w;

-- two jobs per work order, 2-3 lines per job (about 5 lines a work order)
INSERT INTO wo_job (id, work_order_id, seq, concern, pay_type, add_on)
SELECT (w - 1) * 2 + s, w, s, CASE s WHEN 1 THEN '常规保养' ELSE '异响检查' END,
       CASE WHEN w % 25 = 0 THEN 'WARRANTY' ELSE 'CUSTOMER' END, false
FROM generate_series(1, :work_orders) w, generate_series(1, 2) s;
INSERT INTO wo_line (id, work_order_id, job_id, line_type, code, description, quantity, unit_price, discount, net)
SELECT (j - 1) * 3 + l, (j + 1) / 2, j,
       CASE l WHEN 1 THEN 'LABOUR' ELSE 'PART' END,
       CASE l WHEN 1 THEN 'L' || (j % 50) ELSE 'P' || (j % 400) END,
       CASE l WHEN 1 THEN '工时' WHEN 2 THEN '机油滤清器' ELSE '机油 5W-30' END,
       CASE l WHEN 3 THEN 4 ELSE 1 END, 120.00, 0, CASE l WHEN 3 THEN 480.00 ELSE 120.00 END
FROM generate_series(1, :work_orders * 2) j, generate_series(1, 3) l
WHERE l < 3 OR j % 2 = 0;
-- the technician's clock on the labour line of the first job
INSERT INTO wo_clock (id, work_order_id, job_id, line_id, technician, running_technician, started_at, ended_at)
SELECT w, w, (w - 1) * 2 + 1, ((w - 1) * 2) * 3 + 1, b.technicians[1 + w % 12], NULL,
       o.opened_at + interval '1 hour', o.opened_at + interval '2 hours'
FROM generate_series(1, :work_orders) w JOIN wo_work_order o ON o.id = w, bench_words b
WHERE o.status NOT IN ('AWAITING_DISPATCH', 'CANCELLED');
INSERT INTO wo_status_history (id, work_order_id, from_status, to_status, username, changed_at)
SELECT o.id, o.id, NULL, 'AWAITING_DISPATCH', o.opened_by, o.opened_at FROM wo_work_order o;
-- the counters of the days, as reception leaves them (numbers taken so far)
INSERT INTO wo_counter (day, last_value)
SELECT to_char(opened_at, 'YYYYMMDD'), count(*) FROM wo_work_order GROUP BY 1;

-- the insurance plugin's renewal leads, as the plugin keeps them from the vehicle events
INSERT INTO ins_vehicle_due (vehicle_id, plate, owner_id, insurance_due_date, vehicle_version, updated_at)
SELECT id, plate, owner_id, insurance_due_date, version, updated_at FROM vehicle
WHERE active AND insurance_due_date IS NOT NULL;

-- identity columns continue after the generated ids
DO $$
DECLARE r record; seq text; top bigint;
BEGIN
  FOR r IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id'
             AND table_name IN ('customer','vehicle','wo_work_order','wo_job','wo_line','wo_clock','wo_status_history')
  LOOP
    seq := pg_get_serial_sequence(r.table_name, 'id');
    IF seq IS NOT NULL THEN
      EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', r.table_name) INTO top;
      PERFORM setval(seq, top, false);
    END IF;
  END LOOP;
END $$;
SET session_replication_role = origin;
ANALYZE;
-- the counter row the benchmark's raw openings take their numbers from (a day no real opening uses)
INSERT INTO wo_counter (day, last_value) VALUES ('29991231', 0);
