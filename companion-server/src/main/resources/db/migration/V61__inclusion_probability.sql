-- The probability the sampling design gave each decided ticket (1 for triggers, the tier rate
-- otherwise), so that quality estimates can weight evaluations by its inverse. NULL for decisions
-- made before it was stored and for manual samples (purposive, no design probability).
ALTER TABLE sample_decisions ADD COLUMN inclusion_probability DOUBLE PRECISION;
