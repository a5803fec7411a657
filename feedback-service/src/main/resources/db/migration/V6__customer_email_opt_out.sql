-- A customer who asked not to be written to gets no mail when a loop closes (feedback.loop-closed is still published).
ALTER TABLE customer ADD COLUMN email_opt_out BOOLEAN NOT NULL DEFAULT false;
