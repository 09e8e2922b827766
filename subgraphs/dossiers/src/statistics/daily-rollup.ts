/**
 * The daily rollup behind unit statistics: per owning unit and Vietnam calendar day, how many
 * dossiers entered or left each count. Flows (received, resolved, withdrawn, returned) are read
 * for the period's days; stocks (carried over, in progress, overdue) are running sums of the
 * days before. A province's month thus reads some thousand small rows instead of every dossier
 * alive in it.
 *
 * A statement trigger on `dossier` keeps it: whatever writes dossiers (reception, any action,
 * the seed, an import) changes the rollup in the same transaction, by the difference between
 * the rows' old and new contributions. The table and the trigger are the migration DailyRollup's:
 * a new measure needs a migration that adds its column and replaces the trigger function, then
 * its name here, which the read (store/daily-rollup.ts) follows.
 */
export const MEASURES = [
  'received',
  'received_in_person',
  'received_postal',
  'received_online',
  /** Received dossiers that finished (any end) that day: the open stock falls by these. */
  'closed',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'withdrawn',
  'returned',
  /** The day an open dossier passed its due date (or was received, if later): overdue stock rises. */
  'overdue_from',
  /** The day a dossier counted overdue finished: overdue stock falls. */
  'overdue_to',
] as const;
