-- Which repeat-purchase model a fit used (MBG/NBD sees one-time buyers leave, BG/NBD cannot), and how it
-- did when refitted without the last weeks and asked to predict them: predicted against actual purchase days.
-- Existing fits were BG/NBD, without a calibration (NULL). Applied once by the schema migrator like the others.
ALTER TABLE prediction_fits ADD COLUMN model TEXT NOT NULL DEFAULT 'bg-nbd';
ALTER TABLE prediction_fits ADD COLUMN calibration_weeks REAL;
ALTER TABLE prediction_fits ADD COLUMN calibration_customers INTEGER;
ALTER TABLE prediction_fits ADD COLUMN calibration_predicted REAL;
ALTER TABLE prediction_fits ADD COLUMN calibration_actual INTEGER;
