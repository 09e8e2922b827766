import { kernelSql, ownedTableSql, sqlMigration } from '../../../../shared/rls';
import { SATISFACTION_LEVELS } from '../entities/rating.entity';

const levels = SATISFACTION_LEVELS.map((level) => `'${level}'`).join(', ');

export const Initial = sqlMigration(
  'FeedbackInitial1763800000000',
  [
    ...kernelSql,
    `CREATE TABLE rating (
       id uuid PRIMARY KEY,
       dossier_id uuid NOT NULL,
       official_id uuid,
       counter_number integer,
       channel text NOT NULL CHECK (channel IN ('COUNTER_BUTTON', 'KIOSK', 'QR_CODE', 'PORTAL')),
       result_satisfaction text NOT NULL CHECK (result_satisfaction IN (${levels})),
       attitude_satisfaction text NOT NULL CHECK (attitude_satisfaction IN (${levels})),
       comment text,
       rated_at timestamptz NOT NULL DEFAULT now(),
       owner_path text NOT NULL,
       UNIQUE (dossier_id, channel))`,
    `CREATE INDEX rating_official_idx ON rating (official_id)`,
    `CREATE INDEX rating_rated_at_idx ON rating (rated_at DESC, id DESC)`,
    ...ownedTableSql('rating'),
  ],
  ['DROP TABLE rating', 'DROP TABLE client_request'],
);
