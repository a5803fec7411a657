-- The reason codes of the health last computed, in the order computed, comma-separated (e.g.
-- "CPI_BELOW_THRESHOLD,OVER_BUDGET"; empty when GREEN, null before approval). A change of them is published as
-- project.health-changed even when the colour stays, so the features at risk always show why.
ALTER TABLE project ADD COLUMN health_reasons VARCHAR(2000);
