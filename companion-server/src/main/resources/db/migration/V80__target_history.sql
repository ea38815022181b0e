-- KPI targets with the date each takes effect, kept as history (issue 14). The row in effect for a
-- scope on a day is the one with the latest effective_from not after that day. The production
-- target is NULL until someone sets it: no made-up default.
CREATE TABLE kpi_target_history (
  scope               TEXT NOT NULL,
  effective_from      TEXT NOT NULL,
  quality_percent     DOUBLE PRECISION NOT NULL,
  csat_percent        DOUBLE PRECISION NOT NULL,
  fcr_percent         DOUBLE PRECISION NOT NULL,
  aht_minutes         DOUBLE PRECISION NOT NULL,
  production_per_day  DOUBLE PRECISION,
  shift_hours         DOUBLE PRECISION NOT NULL,
  working_days        TEXT NOT NULL,
  updated_at          BIGINT NOT NULL,
  updated_by          TEXT REFERENCES users (id),
  PRIMARY KEY (scope, effective_from)
);

INSERT INTO kpi_target_history (scope, effective_from, quality_percent, csat_percent, fcr_percent,
  aht_minutes, production_per_day, shift_hours, working_days, updated_at, updated_by)
SELECT scope, '1970-01-01', quality_percent, csat_percent, fcr_percent, aht_minutes,
  production_per_day, shift_hours, working_days, updated_at, updated_by
FROM kpi_targets;
