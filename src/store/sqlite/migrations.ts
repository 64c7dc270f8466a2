/**
 * The SQLite schema, as numbered migrations. Each runs once, in its own transaction, and is
 * recorded both in `schema_migrations` (when and what) and in `PRAGMA user_version` (so a glance
 * with the sqlite3 shell shows the schema level). Never edit a released migration: add the next.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'organisation, priorities, updates and reports',
    sql: `
      CREATE TABLE localities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      );
      CREATE TABLE officers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL,
        aad_object_id TEXT,
        roles TEXT NOT NULL,
        locality_ids TEXT NOT NULL
      );
      CREATE INDEX officers_email_key ON officers (email_key);
      CREATE INDEX officers_aad_object_id ON officers (aad_object_id);
      CREATE TABLE priorities (
        id TEXT PRIMARY KEY,
        locality_id TEXT NOT NULL REFERENCES localities (id),
        title TEXT NOT NULL,
        intended_outcomes TEXT NOT NULL,
        exit_strategy TEXT NOT NULL,
        themes TEXT NOT NULL,
        status TEXT NOT NULL,
        closing_note TEXT,
        opened_term TEXT NOT NULL,
        closed_term TEXT,
        sort_order INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX priorities_locality ON priorities (locality_id, sort_order, id);
      CREATE TABLE priority_updates (
        priority_id TEXT NOT NULL REFERENCES priorities (id),
        term TEXT NOT NULL,
        locality_id TEXT NOT NULL REFERENCES localities (id),
        title TEXT NOT NULL,
        intended_outcomes TEXT NOT NULL,
        activity_last_period TEXT NOT NULL,
        planned_activity_next_period TEXT NOT NULL,
        impact_so_far TEXT NOT NULL,
        exit_strategy TEXT NOT NULL,
        carry_forward TEXT NOT NULL,
        sections_done TEXT NOT NULL,
        rag TEXT,
        figures TEXT NOT NULL,
        updated_by TEXT,
        updated_at TEXT,
        version INTEGER NOT NULL,
        PRIMARY KEY (priority_id, term)
      );
      CREATE INDEX priority_updates_locality_term ON priority_updates (locality_id, term);
      CREATE INDEX priority_updates_term ON priority_updates (term);
      CREATE TABLE locality_reports (
        locality_id TEXT NOT NULL REFERENCES localities (id),
        term TEXT NOT NULL,
        officer_ids TEXT NOT NULL,
        status TEXT NOT NULL,
        submitted_by TEXT,
        submitted_at TEXT,
        approval TEXT,
        return_comment TEXT,
        document_url TEXT,
        version INTEGER NOT NULL,
        PRIMARY KEY (locality_id, term)
      );
      CREATE INDEX locality_reports_term ON locality_reports (term);
      CREATE TABLE report_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        locality_id TEXT NOT NULL,
        term TEXT NOT NULL,
        kind TEXT NOT NULL,
        by_officer TEXT NOT NULL,
        at TEXT NOT NULL,
        comment TEXT
      );
      CREATE INDEX report_events_report ON report_events (locality_id, term, seq);
    `,
  },
  {
    version: 2,
    name: 'conversation links, campaign deliveries and cover',
    sql: `
      CREATE TABLE conversation_links (
        officer_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE campaign_deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        term TEXT NOT NULL,
        locality_id TEXT NOT NULL,
        officer_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        sent_at TEXT,
        last_error TEXT,
        UNIQUE (term, locality_id, officer_id, kind)
      );
      CREATE TABLE cover_assignments (
        id TEXT PRIMARY KEY,
        locality_id TEXT NOT NULL,
        cover_officer_id TEXT NOT NULL,
        absent_officer_id TEXT,
        date_from TEXT NOT NULL,
        date_to TEXT NOT NULL,
        assigned_by TEXT NOT NULL
      );
      CREATE INDEX cover_assignments_locality ON cover_assignments (locality_id, date_from, id);
    `,
  },
  {
    version: 3,
    name: 'personal-data confirmations on priority updates',
    sql: `
      ALTER TABLE priority_updates ADD COLUMN personal_data_confirmations TEXT;
    `,
  },
  {
    version: 4,
    name: 'published updates: what partners read of submitted reports',
    // A copy kept on submit rather than a view over priority_updates, so a later edit of an
    // update cannot reach partners before it is submitted. Reports already submitted are
    // published as they stand. No updated_by or confirmations: partners do not see them.
    sql: `
      CREATE TABLE published_updates (
        priority_id TEXT NOT NULL,
        term TEXT NOT NULL,
        locality_id TEXT NOT NULL,
        title TEXT NOT NULL,
        intended_outcomes TEXT NOT NULL,
        activity_last_period TEXT NOT NULL,
        planned_activity_next_period TEXT NOT NULL,
        impact_so_far TEXT NOT NULL,
        exit_strategy TEXT NOT NULL,
        carry_forward TEXT NOT NULL,
        sections_done TEXT NOT NULL,
        rag TEXT,
        figures TEXT NOT NULL,
        updated_at TEXT,
        version INTEGER NOT NULL,
        PRIMARY KEY (priority_id, term)
      );
      CREATE INDEX published_updates_locality_term ON published_updates (locality_id, term);
      CREATE INDEX published_updates_term ON published_updates (term);
      INSERT INTO published_updates
        SELECT u.priority_id, u.term, u.locality_id, u.title, u.intended_outcomes, u.activity_last_period,
               u.planned_activity_next_period, u.impact_so_far, u.exit_strategy, u.carry_forward,
               u.sections_done, u.rag, u.figures, u.updated_at, u.version
        FROM priority_updates u
        JOIN locality_reports r ON r.locality_id = u.locality_id AND r.term = u.term
        WHERE r.status = 'submitted';
    `,
  },
  {
    version: 5,
    name: "the month a locality report's term label names",
    // NULL for the season's usual month (Autumn October, Spring March, Summer July), so every
    // report stored before this migration keeps the label it had.
    sql: `
      ALTER TABLE locality_reports ADD COLUMN term_month INTEGER CHECK (term_month BETWEEN 1 AND 12);
    `,
  },
];

/** The tables a TASS database holds; anything else in a fresh-looking file means it is someone else's. */
export const TASS_TABLES: readonly string[] = [
  'schema_migrations',
  'localities',
  'officers',
  'priorities',
  'priority_updates',
  'locality_reports',
  'report_events',
  'conversation_links',
  'campaign_deliveries',
  'cover_assignments',
  'published_updates',
];

/** Why a database cannot be brought up to date. */
export class MigrationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationRefusedError';
  }
}

/** The schema level the database is at (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database up to the latest schema. Returns the versions applied now (empty when it
 * was already up to date). Refuses a file made by a newer tass-bot, or one holding other tables.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  if (current > latest) {
    throw new MigrationRefusedError(
      `its schema is version ${current} but this tass-bot knows only up to ${latest}; upgrade tass-bot`,
    );
  }
  if (current === 0) {
    const foreign = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const unknown = foreign.filter((name) => !TASS_TABLES.includes(name));
    if (unknown.length > 0) {
      throw new MigrationRefusedError(`it already holds tables that are not TASS tables (${unknown.slice(0, 5).join(', ')})`);
    }
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      // user_version is transactional in SQLite, so it moves with the migration or not at all.
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
    applied.push(migration.version);
  }
  return applied;
}
