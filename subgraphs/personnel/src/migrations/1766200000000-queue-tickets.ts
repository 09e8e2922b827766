import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Số thứ tự — the centre's queue. Anyone takes a number at the kiosk for a field its counters
 * serve; numbers run from 1 each day at each centre (`queue_number_sequence`, incremented under a
 * row lock, as dossier codes are). An official of the centre calls the next waiting number at a
 * counter: the oldest waiting ticket of a field the counter serves, claimed with SKIP LOCKED so two
 * counters calling at once take two different tickets. Tickets hold no personal data: the board
 * shows them to everyone.
 */
export class QueueTickets implements MigrationInterface {
  readonly name = 'PersonnelQueueTickets1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE queue_number_sequence (
       centre_code text NOT NULL,
       day date NOT NULL,
       last_number integer NOT NULL,
       owner_path text NOT NULL,
       PRIMARY KEY (centre_code, day))`);
    await db.query(`CREATE TABLE queue_ticket (
       id uuid PRIMARY KEY,
       centre_code text NOT NULL,
       day date NOT NULL,
       number integer NOT NULL CHECK (number > 0),
       field_code text NOT NULL,
       state text NOT NULL CHECK (state IN ('WAITING', 'CALLED', 'SERVED')),
       taken_at timestamptz NOT NULL,
       called_at timestamptz,
       counter_id uuid REFERENCES counter (id),
       served_at timestamptz,
       owner_path text NOT NULL,
       UNIQUE (centre_code, day, number),
       CHECK ((state = 'WAITING') = (counter_id IS NULL)))`);
    await db.query(`CREATE INDEX queue_ticket_waiting_idx ON queue_ticket (centre_code, day, number) WHERE state = 'WAITING'`);
    await db.query(`CREATE INDEX queue_ticket_counter_idx ON queue_ticket (counter_id, day) WHERE counter_id IS NOT NULL`);
    for (const table of ['queue_number_sequence', 'queue_ticket']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (true)`);
    }
    // Anyone takes a number (the kiosk has no sign-in): a new ticket, waiting, at a centre's counters' owner.
    await db.query(`CREATE POLICY queue_number_sequence_take ON queue_number_sequence FOR INSERT
       WITH CHECK (EXISTS (SELECT 1 FROM counter c WHERE c.centre_code = queue_number_sequence.centre_code AND c.owner_path = queue_number_sequence.owner_path))`);
    await db.query(`CREATE POLICY queue_number_sequence_next ON queue_number_sequence FOR UPDATE USING (true)
       WITH CHECK (EXISTS (SELECT 1 FROM counter c WHERE c.centre_code = queue_number_sequence.centre_code AND c.owner_path = queue_number_sequence.owner_path))`);
    await db.query(`CREATE POLICY queue_ticket_take ON queue_ticket FOR INSERT
       WITH CHECK (state = 'WAITING' AND EXISTS (SELECT 1 FROM counter c WHERE c.centre_code = queue_ticket.centre_code AND c.owner_path = queue_ticket.owner_path))`);
    // Only the centre's officials call and serve.
    await db.query(`CREATE POLICY queue_ticket_call ON queue_ticket FOR UPDATE USING (motcua_in_scope(owner_path)) WITH CHECK (motcua_in_scope(owner_path))`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON queue_number_sequence TO motcua_app`);
    await db.query(`GRANT SELECT, INSERT ON queue_ticket TO motcua_app`);
    await db.query(`GRANT UPDATE (state, called_at, counter_id, served_at) ON queue_ticket TO motcua_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE queue_ticket`);
    await db.query(`DROP TABLE queue_number_sequence`);
  }
}
