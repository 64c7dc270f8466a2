/**
 * What the bot is built from. Everything comes in through `createApp(deps)`: tests pass a SQLite
 * file, a fixed clock and a local connector; production passes the configured store.
 */
import type { Config } from '../config/config';
import type { TermCalendar } from '../domain/term-calendar';
import type { Theme } from '../domain/themes';
import type { TermKey } from '../domain/term';
import type { Logger } from '../logging/logger';
import type { ReportStore } from '../store/report-store';

/** What happens to a locality report once it is submitted (compile, store the document, tell managers). */
export interface ReportPublisher {
  /** Compiles and stores the document; returns where it can be opened. */
  publishLocalityReport(localityId: string, term: TermKey, submittedBy: string): Promise<{ documentUrl: string }>;
}

/** Sends a card or text to an officer outside a turn (campaign prompts, reminders, manager cards). */
export interface ProactiveMessenger {
  /** Resolves to false when there is no conversation with this officer yet. */
  sendToOfficer(officerId: string, message: { text?: string; card?: Record<string, unknown> }): Promise<boolean>;
}

export interface BotDeps {
  readonly config: Config;
  readonly store: ReportStore;
  readonly calendar: TermCalendar;
  /** The council's themes (TASS_THEMES, else the defaults), read once at start. */
  readonly themes: readonly Theme[];
  /** The current time; tests pass a fixed clock. */
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly publisher: ReportPublisher;
}
