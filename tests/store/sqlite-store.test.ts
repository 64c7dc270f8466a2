/**
 * The SQLite store: the shared contract against a real file, plus what only a file can show:
 * migrations, surviving a restart, two processes on one file, and files that are not ours.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, NotFoundError, StoreOpenError } from '../../src/store/errors';
import { applyMigrations, MIGRATIONS } from '../../src/store/sqlite/migrations';
import * as rows from '../../src/store/sqlite/sqlite-rows';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import {
  aConversationLink,
  aCover,
  aDelivery,
  aLocality,
  aPersonalDataConfirmation,
  anEvent,
  anOfficer,
  anUpdate,
  aPriority,
  aReport,
} from '../support/builders';
import { describeReportStoreContract } from './contract';

function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tass-sqlite-'));
}

describeReportStoreContract('SQLite file', async () => {
  const folder = temporaryFolder();
  const store = SqliteReportStore.open(path.join(folder, 'tass.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
});

describe('SqliteReportStore on disk', () => {
  let folder: string;
  let dbPath: string;
  const opened: SqliteReportStore[] = [];
  const open = (file = dbPath): SqliteReportStore => {
    const store = SqliteReportStore.open(file);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    folder = temporaryFolder();
    dbPath = path.join(folder, 'nested', 'folder', 'tass.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function inspect<T>(query: (db: Database.Database) => T): T {
    const db = new Database(dbPath, { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }

  it('creates the folder and the file, in WAL mode, with every migration applied once', async () => {
    await open().close();
    expect(fs.existsSync(dbPath)).toBe(true);
    const state = inspect((db) => ({
      journal: db.pragma('journal_mode', { simple: true }),
      userVersion: db.pragma('user_version', { simple: true }),
      migrations: db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all(),
    }));
    expect(state.journal).toBe('wal');
    expect(state.userVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(state.migrations).toHaveLength(MIGRATIONS.length);

    await open().close();
    await open().close();
    const again = inspect((db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all());
    expect(again).toEqual(state.migrations);
  });

  it('rolls a failing migration back whole and leaves the schema where it was', () => {
    const db = new Database(':memory:');
    try {
      applyMigrations(db, MIGRATIONS.slice(0, 1));
      const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (id TEXT); CREATE TABLE localities (id TEXT);' };
      expect(() => applyMigrations(db, [MIGRATIONS[0], broken])).toThrow(/already exists/);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
      expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
      expect(applyMigrations(db)).toEqual(MIGRATIONS.slice(1).map((migration) => migration.version));
      expect(applyMigrations(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('loses nothing across a restart', async () => {
    const before = open();
    await before.upsertLocality(aLocality());
    await before.upsertOfficer(anOfficer());
    const priority = await before.savePriority(aPriority(), 0);
    const update = await before.savePriorityUpdate(anUpdate(), 0);
    const report = await before.saveLocalityReport(aReport(), 0);
    await before.appendReportEvent(anEvent());
    await before.saveConversationLink(aConversationLink());
    await before.recordDelivery(aDelivery());
    await before.saveCover(aCover());
    await before.close();

    const after = open();
    await expect(after.listLocalities()).resolves.toEqual([aLocality()]);
    await expect(after.findOfficerByEmail('ALISON.WALSH@lancashire.gov.uk')).resolves.toEqual(anOfficer());
    await expect(after.getPriority(priority.id)).resolves.toEqual(priority);
    await expect(after.listPriorityUpdates({})).resolves.toEqual([update]);
    await expect(after.listLocalityReports()).resolves.toEqual([report]);
    await expect(after.listReportEvents(report.localityId, report.term)).resolves.toEqual([anEvent()]);
    await expect(after.getConversationLink(anOfficer().id)).resolves.toEqual(aConversationLink());
    await expect(after.listDeliveries(report.term)).resolves.toEqual([aDelivery()]);
    await expect(after.listCovers()).resolves.toEqual([aCover()]);
    await expect(after.savePriority(priority, 0)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a stale save made through a second connection to the same file (bot and tass command)', async () => {
    const bot = open();
    const command = open();
    await bot.upsertLocality(aLocality());
    const first = await bot.savePriority(aPriority(), 0);
    const fromCommand = await command.savePriority({ ...first, title: 'Imported wording' }, 1);
    await expect(bot.savePriority({ ...first, title: 'Typed in Teams' }, 1)).rejects.toEqual(
      expect.objectContaining({ name: 'ConflictError', current: fromCommand }),
    );
  });

  it.each([
    ['a priority whose locality does not exist', (s: SqliteReportStore) => s.savePriority(aPriority({ localityId: 'nowhere' }), 0), 'Locality nowhere'],
    ['an update whose priority does not exist', (s: SqliteReportStore) => s.savePriorityUpdate(anUpdate({ priorityId: 'p-none' }), 0), 'Priority p-none'],
    ['a report whose locality does not exist', (s: SqliteReportStore) => s.saveLocalityReport(aReport({ localityId: 'nowhere' }), 0), 'Locality nowhere'],
  ])('refuses %s with NotFoundError', async (_label, save, what) => {
    const store = open();
    await store.upsertLocality(aLocality());
    await expect(save(store)).rejects.toBeInstanceOf(NotFoundError);
    await expect(save(store)).rejects.toThrow(`${what} does not exist`);
  });

  it('upgrades a file from before personal-data confirmations: old updates read back without any, new ones keep theirs', async () => {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const older = new Database(dbPath);
    try {
      applyMigrations(older, MIGRATIONS.filter((migration) => migration.version <= 2));
      older.prepare('INSERT INTO localities (id, name, sort_order) VALUES (@id, @name, @sort_order)').run(rows.localityToRow(aLocality()));
      const priorityRow = rows.priorityToRow(aPriority(), 1);
      older.prepare(`INSERT INTO priorities (${Object.keys(priorityRow).join(', ')}) VALUES (${Object.keys(priorityRow).map((c) => `@${c}`).join(', ')})`).run(priorityRow);
      const { personal_data_confirmations: _notYetAColumn, ...updateRow } = rows.updateToRow(anUpdate(), 1);
      older.prepare(`INSERT INTO priority_updates (${Object.keys(updateRow).join(', ')}) VALUES (${Object.keys(updateRow).map((c) => `@${c}`).join(', ')})`).run(updateRow);
    } finally {
      older.close();
    }

    const upgraded = open();
    expect(inspect((db) => db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    const plain = await upgraded.getPriorityUpdate(anUpdate().priorityId, anUpdate().term);
    expect(plain).toEqual({ ...anUpdate(), version: 1 });
    expect(plain && 'personalDataConfirmations' in plain).toBe(false);
    const confirmations = { impactSoFar: aPersonalDataConfirmation() };
    const confirmed = await upgraded.savePriorityUpdate({ ...anUpdate(), personalDataConfirmations: confirmations }, 1);
    expect(confirmed).toEqual({ ...anUpdate(), personalDataConfirmations: confirmations, version: 2 });
  });

  it('upgrades a file from before published updates: reports already submitted are published, drafts are not', async () => {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const older = new Database(dbPath);
    const insert = (table: string, row: object): void => {
      older.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((c) => `@${c}`).join(', ')})`).run(row);
    };
    const submittedUpdate = anUpdate({ personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation() } });
    const draftUpdate = anUpdate({ term: '2024-25-spring', impactSoFar: { kind: 'items', items: ['A Spring draft'] } });
    try {
      applyMigrations(older, MIGRATIONS.filter((migration) => migration.version <= 3));
      insert('localities', rows.localityToRow(aLocality()));
      insert('priorities', rows.priorityToRow(aPriority(), 1));
      insert('priority_updates', rows.updateToRow(submittedUpdate, 2));
      insert('priority_updates', rows.updateToRow(draftUpdate, 1));
      const { term_month: _notYetAColumn, ...submittedRow } = rows.reportToRow(aReport({ approval: 'pending', returnComment: undefined }), 2);
      const { term_month: _notYetEither, ...draftRow } = rows.reportToRow(aReport({ term: '2024-25-spring', status: 'in progress', approval: undefined }), 1);
      insert('locality_reports', submittedRow);
      insert('locality_reports', draftRow);
    } finally {
      older.close();
    }

    const upgraded = open();
    const { updatedBy: _by, personalDataConfirmations: _confirmations, ...asSubmitted } = submittedUpdate;
    await expect(upgraded.listPublishedUpdates({})).resolves.toEqual([{ ...asSubmitted, version: 2 }]);
  });

  it("upgrades a file from before a report's month: old reports keep their usual-month label, a new month is kept and checked", async () => {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const older = new Database(dbPath);
    try {
      applyMigrations(older, MIGRATIONS.filter((migration) => migration.version <= 4));
      older.prepare('INSERT INTO localities (id, name, sort_order) VALUES (@id, @name, @sort_order)').run(rows.localityToRow(aLocality()));
      const { term_month: _notYetAColumn, ...reportRow } = rows.reportToRow(aReport(), 1);
      older.prepare(`INSERT INTO locality_reports (${Object.keys(reportRow).join(', ')}) VALUES (${Object.keys(reportRow).map((c) => `@${c}`).join(', ')})`).run(reportRow);
    } finally {
      older.close();
    }

    const upgraded = open();
    const old = await upgraded.getLocalityReport(aReport().localityId, aReport().term);
    expect(old).toEqual({ ...aReport(), version: 1 });
    expect(old && 'termMonth' in old).toBe(false);
    await expect(upgraded.saveLocalityReport({ ...aReport(), termMonth: 12 }, 1)).resolves.toEqual({ ...aReport(), termMonth: 12, version: 2 });
    const db = new Database(dbPath);
    try {
      expect(() => db.prepare('UPDATE locality_reports SET term_month = 13').run()).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });

  it.each([
    ['not JSON', '{impactSoFar', /JSON/],
    ['an unknown section', JSON.stringify({ headteacherNotes: { findingKinds: ['phone'], reason: 'school office', confirmedBy: 'o', confirmedAt: '2024-10-21T14:04:30Z' } }), /Invalid enum value/],
    ['a confirmation without a reason', JSON.stringify({ impactSoFar: { findingKinds: ['phone'], reason: '', confirmedBy: 'o', confirmedAt: '2024-10-21T14:04:30Z' } }), /at least 3/],
  ])('fails loudly on a damaged confirmations column: %s', async (_label, damaged, message) => {
    const store = open();
    await store.upsertLocality(aLocality());
    await store.savePriority(aPriority(), 0);
    await store.savePriorityUpdate(anUpdate({ personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation() } }), 0);
    const db = new Database(dbPath);
    db.prepare('UPDATE priority_updates SET personal_data_confirmations = ?').run(damaged);
    db.close();
    await expect(store.getPriorityUpdate(anUpdate().priorityId, anUpdate().term)).rejects.toThrow(message);
  });

  it('works in memory', async () => {
    const store = open(':memory:');
    await store.upsertLocality(aLocality());
    await expect(store.listLocalities()).resolves.toEqual([aLocality()]);
  });

  it.each([
    ['a text file', () => fs.writeFileSync(dbPath, 'West Lancashire\nPriority\n'.repeat(200)), /is not a TASS database/],
    ['a damaged SQLite file', () => fs.writeFileSync(dbPath, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xab)])), /is not a TASS database/],
    ['another program\'s SQLite database', () => {
      const other = new Database(dbPath);
      other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
      other.close();
    }, /cannot be used as the TASS database: it already holds tables that are not TASS tables \(invoices\)/],
    ['a database from a newer tass-bot', () => {
      const newer = new Database(dbPath);
      newer.pragma('user_version = 99');
      newer.close();
    }, /schema is version 99 .* upgrade tass-bot/],
    ['a folder', () => fs.mkdirSync(dbPath), /Cannot open the TASS database|is not a TASS database/],
  ])('refuses %s with a StoreOpenError that says what to do', async (_label, prepare, message) => {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    prepare();
    const attempt = async () => open();
    await expect(attempt()).rejects.toBeInstanceOf(StoreOpenError);
    await expect(attempt()).rejects.toThrow(message);
    await expect(attempt()).rejects.toThrow(/TASS_DB|upgrade tass-bot/);
  });
});
