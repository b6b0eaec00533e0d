-- PostgreSQL only (not applied to the embedded H2 store): the read-only role for BI tools.
-- pulse_bi is a group role without login; give a BI tool its own login in it, e.g.
--   CREATE ROLE metabase LOGIN PASSWORD '...' IN ROLE pulse_bi;
-- Repeatable migration: re-applied whenever this file changes, after every versioned migration, so the
-- grants cover every table and view; default privileges cover what later migrations create.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pulse_bi') THEN
        CREATE ROLE pulse_bi NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO pulse_bi;
GRANT SELECT ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO pulse_bi;
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT SELECT ON TABLES TO pulse_bi;
