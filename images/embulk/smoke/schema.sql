-- The smoke test's source table: a timestamp-incremental table with a unique id, as the catalog's are.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE public.smoke (id bigint PRIMARY KEY, phone text, delivered_on date, updated_at timestamptz NOT NULL);
CREATE INDEX smoke_updated_at_id ON public.smoke (updated_at, id);
INSERT INTO public.smoke VALUES
  (1, '06-8606-8433', '2024-05-01', '2024-05-01 09:00:00.123456+09'),
  (2, '03-1234-5678', '2024-05-01', '2024-05-01 09:00:00.123456+09'),
  (3, NULL,           '2024-05-02', '2024-05-02 10:00:00+09');
