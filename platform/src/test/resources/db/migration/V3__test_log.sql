-- What the test consumer's order-sensitive handler appended, in the order it applied the events.
CREATE TABLE test_log (position BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, marker VARCHAR(100) NOT NULL);
