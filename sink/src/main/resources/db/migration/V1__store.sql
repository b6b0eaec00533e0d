-- The sink's store: the same migration for PostgreSQL and for the embedded H2 store (MODE=PostgreSQL,
-- DATABASE_TO_LOWER=TRUE). Portable SQL only: varchar (no text, which H2 reads as CLOB), numeric,
-- date, timestamp with time zone. PostgreSQL-only objects (the BI role) live in db/postgres.

-- One row per (source, dimension, dimension value, period): the latest figures from pulse.indicators.v1.
-- Money in USD and VND at scale 6, percentages at scale 2, exactly as the Avro record carries them.
CREATE TABLE indicator (
    source                      varchar(8)      NOT NULL,
    dimension                   varchar(16)     NOT NULL,
    dimension_value             varchar(200)    NOT NULL,
    period_kind                 varchar(8)      NOT NULL,
    period_id                   varchar(16)     NOT NULL,
    period_start                date            NOT NULL,
    period_end                  date            NOT NULL,
    new_projects                integer         NOT NULL,
    capital_increases           integer         NOT NULL,
    capital_decreases           integer         NOT NULL,
    share_purchases             integer         NOT NULL,
    terminations                integer         NOT NULL,
    new_capital_usd             numeric(38, 6)  NOT NULL,
    new_capital_vnd             numeric(38, 6)  NOT NULL,
    adjusted_capital_usd        numeric(38, 6)  NOT NULL,
    adjusted_capital_vnd        numeric(38, 6)  NOT NULL,
    share_purchase_capital_usd  numeric(38, 6)  NOT NULL,
    share_purchase_capital_vnd  numeric(38, 6)  NOT NULL,
    total_capital_usd           numeric(38, 6)  NOT NULL,
    total_capital_vnd           numeric(38, 6)  NOT NULL,
    plan_amount                 numeric(38, 6),
    plan_currency               varchar(3),
    plan_progress_pct           numeric(20, 2),
    yoy_growth_pct              numeric(20, 2),
    cumulative_projects         integer         NOT NULL,
    cumulative_capital_usd      numeric(38, 6)  NOT NULL,
    cumulative_capital_vnd      numeric(38, 6)  NOT NULL,
    as_of                       timestamp with time zone NOT NULL,
    last_ingested_at            timestamp with time zone,
    last_event_id               varchar(200),
    last_certificate_no         varchar(200),
    CONSTRAINT pk_indicator PRIMARY KEY (source, dimension, dimension_value, period_kind, period_id),
    CONSTRAINT ck_indicator_source CHECK (source IN ('FDI', 'DDI', 'ALL')),
    CONSTRAINT ck_indicator_dimension CHECK (dimension IN ('TOTAL', 'ZONE', 'SECTOR', 'SECTION', 'COUNTRY')),
    CONSTRAINT ck_indicator_period_kind CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
    -- A period whose end is before its start is a processor bug: refuse it (it goes to the sink DLQ).
    CONSTRAINT ck_indicator_period CHECK (period_start <= period_end)
);

CREATE INDEX ix_indicator_period ON indicator (period_kind, period_start);

-- Plan alerts from pulse.alerts.v1: one row per state transition (FIRING, then RESOLVED, then FIRING again
-- when re-crossed), so the history stays visible. The current state of an alert is its newest row
-- (view v_alert_current); newest first is ORDER BY processed_at DESC.
CREATE TABLE alert (
    id              varchar(300)    NOT NULL,
    state           varchar(16)     NOT NULL,
    processed_at    timestamp with time zone NOT NULL,
    kind            varchar(32)     NOT NULL,
    source          varchar(8)      NOT NULL,
    scope           varchar(200)    NOT NULL,
    alert_year      integer         NOT NULL,
    threshold_pct   numeric(20, 2)  NOT NULL,
    progress_pct    numeric(20, 2)  NOT NULL,
    plan_amount     numeric(38, 6)  NOT NULL,
    plan_currency   varchar(3)      NOT NULL,
    event_id        varchar(200),
    certificate_no  varchar(200),
    event_time      timestamp with time zone,
    message_vi      varchar(2000)   NOT NULL,
    message_en      varchar(2000)   NOT NULL,
    CONSTRAINT pk_alert PRIMARY KEY (id, processed_at, state),
    CONSTRAINT ck_alert_state CHECK (state IN ('FIRING', 'RESOLVED'))
);

CREATE INDEX ix_alert_newest ON alert (processed_at DESC);
CREATE INDEX ix_alert_year ON alert (source, alert_year, processed_at DESC);

-- What was refused and why, from the dead-letter topics (ingest, processor, notifier, sink).
-- id is the refusal's identity: "<stage>|<source topic>|<partition>|<offset>" when the dead letter says
-- where the refused record was (a refusal published twice after a crash lands once), otherwise the
-- dead letter's own position "<dlq topic>|<partition>|<offset>".
CREATE TABLE rejected_row (
    id                  varchar(600)    NOT NULL,
    dlq_topic           varchar(249)    NOT NULL,
    dlq_partition       integer         NOT NULL,
    dlq_offset          bigint          NOT NULL,
    stage               varchar(32)     NOT NULL,
    connector           varchar(100),
    file                varchar(1000),
    line                bigint,
    source_topic        varchar(249),
    source_partition    integer,
    source_offset       bigint,
    event_id            varchar(200),
    raw_text            varchar(100000),
    raw_bytes_base64    varchar(200000),
    reason              varchar(4000)   NOT NULL,
    reason_vi           varchar(4000),
    error_class         varchar(500),
    rejected_at         timestamp with time zone NOT NULL,
    CONSTRAINT pk_rejected_row PRIMARY KEY (id)
);

CREATE INDEX ix_rejected_row_newest ON rejected_row (rejected_at DESC);
CREATE INDEX ix_rejected_row_stage ON rejected_row (stage, rejected_at DESC);

-- The sink's consumer positions: the next offset to read per (consumer group, topic, partition), written
-- in the same transaction as the rows of the batch that advanced it. This, not Kafka's committed offsets,
-- is where the sink resumes after a crash.
CREATE TABLE sink_offset (
    consumer_group  varchar(255)    NOT NULL,
    topic           varchar(249)    NOT NULL,
    kafka_partition integer         NOT NULL,
    next_offset     bigint          NOT NULL,
    updated_at      timestamp with time zone NOT NULL,
    CONSTRAINT pk_sink_offset PRIMARY KEY (consumer_group, topic, kafka_partition)
);
