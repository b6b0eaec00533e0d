#!/bin/bash
# First start of the PostgreSQL volume only (docker-entrypoint-initdb.d): the schema registry's database and
# the BI logins. The sink's tables are created by its Flyway migrations, which also create the read-only group
# role pulse_bi (SELECT on every table and view, default privileges for later ones): see sink/README-BI.md.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v registry_password="$REGISTRY_DB_PASSWORD" -v bi_password="$BI_PASSWORD" <<-'EOSQL'
	-- Apicurio Registry (apicurio-registry-sql) keeps schemas and their ids here.
	CREATE ROLE registry LOGIN PASSWORD :'registry_password';
	CREATE DATABASE registry OWNER registry;

	-- Read-only BI access: the group role (the sink's migration grants it SELECT) and one login in it.
	DO $$
	BEGIN
	    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pulse_bi') THEN
	        CREATE ROLE pulse_bi NOLOGIN;
	    END IF;
	END
	$$;
	GRANT CONNECT ON DATABASE pulse TO pulse_bi;
	GRANT USAGE ON SCHEMA public TO pulse_bi;
	ALTER DEFAULT PRIVILEGES FOR ROLE pulse IN SCHEMA public GRANT SELECT ON TABLES TO pulse_bi;
	CREATE ROLE bi LOGIN PASSWORD :'bi_password' IN ROLE pulse_bi;
EOSQL
