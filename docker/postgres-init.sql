-- Run once by the postgres:17 image when its data volume is empty (mounted into /docker-entrypoint-initdb.d/).
-- One database per service, as in the devstack; each service's Flyway migrations create its schema at start.
CREATE DATABASE product;
CREATE DATABASE project;
CREATE DATABASE feedback;
CREATE DATABASE gateway;
