import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox: every history row a citizen or the national portal must hear of is written to
 * `outbox` in the same transaction as the change, and the delivery worker turns it into one
 * `delivery` per channel (email, SMS, Zalo, the national portal), each a job of a PostgreSQL queue
 * (pg-boss, in its own schema). The worker connects as a role that bypasses row-level security
 * (it delivers for every unit); the application role may only add outbox rows, read its units'
 * deliveries and ask for a failed one to be retried. Citizens keep their notification choices in
 * `notification_preference`, which only they read and write.
 */
export class Outbox implements MigrationInterface {
  readonly name = 'DossiersOutbox1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE outbox (
       id bigserial PRIMARY KEY,
       event_id bigint NOT NULL UNIQUE REFERENCES dossier_event (id),
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       relayed_at timestamptz)`);
    await db.query(`CREATE INDEX outbox_waiting_idx ON outbox (id) WHERE relayed_at IS NULL`);
    await db.query(`ALTER TABLE outbox ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY outbox_insert ON outbox FOR INSERT
       WITH CHECK (EXISTS (SELECT 1 FROM dossier_event e WHERE e.id = event_id AND e.dossier_id = outbox.dossier_id))`);
    await db.query(`GRANT INSERT ON outbox TO motcua_app`);
    await db.query(`GRANT USAGE ON SEQUENCE outbox_id_seq TO motcua_app`);

    await db.query(`CREATE TABLE delivery (
       id uuid PRIMARY KEY,
       event_id bigint NOT NULL REFERENCES dossier_event (id),
       dossier_id uuid NOT NULL REFERENCES dossier (id),
       action text NOT NULL,
       channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'ZALO', 'PORTAL')),
       recipient text NOT NULL,
       subject text,
       body text NOT NULL,
       state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
       attempts integer NOT NULL DEFAULT 0,
       last_error text,
       created_at timestamptz NOT NULL,
       sent_at timestamptz,
       retry_requested_at timestamptz,
       owner_path text NOT NULL,
       UNIQUE (event_id, channel))`);
    await db.query(`CREATE INDEX delivery_dossier_idx ON delivery (dossier_id, event_id)`);
    await db.query(`CREATE INDEX delivery_failed_idx ON delivery (created_at) WHERE state = 'FAILED'`);
    await db.query(`CREATE INDEX delivery_retry_idx ON delivery (retry_requested_at) WHERE retry_requested_at IS NOT NULL`);
    await db.query(`ALTER TABLE delivery ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY delivery_read ON delivery FOR SELECT USING (motcua_in_scope(owner_path))`);
    await db.query(`CREATE POLICY delivery_retry ON delivery FOR UPDATE USING (motcua_in_scope(owner_path) AND state = 'FAILED')
       WITH CHECK (motcua_in_scope(owner_path) AND state = 'FAILED')`);
    await db.query(`GRANT SELECT ON delivery TO motcua_app`);
    await db.query(`GRANT UPDATE (retry_requested_at) ON delivery TO motcua_app`);

    await db.query(`CREATE TABLE notification_preference (
       citizen_id text PRIMARY KEY,
       email text,
       phone text,
       by_email boolean NOT NULL,
       by_sms boolean NOT NULL,
       by_zalo boolean NOT NULL,
       updated_at timestamptz NOT NULL)`);
    await db.query(`ALTER TABLE notification_preference ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY notification_preference_own ON notification_preference FOR ALL
       USING (citizen_id = motcua_citizen()) WITH CHECK (citizen_id = motcua_citizen())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON notification_preference TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_preference`);
    await db.query(`DROP TABLE delivery`);
    await db.query(`DROP TABLE outbox`);
  }
}
