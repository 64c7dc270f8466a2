/**
 * A council's own theme list for tests: its own "Youth voice" theme beside two of the defaults
 * (mental health and transition left out), a Preston priority under Youth voice, and the list
 * written to a file as TASS_THEMES or --themes names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Priority, PriorityUpdate } from '../../src/domain/model';
import { DEFAULT_THEMES, type Theme } from '../../src/domain/themes';
import type { ReportStore } from '../../src/store/report-store';
import { anUpdate, aPriority } from './builders';
import { OUTCOME_LOCALITIES, OUTCOME_PRIORITIES, OUTCOME_UPDATES, SUMMER_2025 } from './outcomes-fixture';

export const YOUTH_VOICE: Theme = { id: 'youth-voice', name: 'Youth voice', keywords: ['youth council', 'pupil voice'] };

function defaultTheme(id: string): Theme {
  const theme = DEFAULT_THEMES.find((candidate) => candidate.id === id);
  if (!theme) throw new Error(`no default theme ${id}`);
  return theme;
}

export const COUNCIL_THEMES: readonly Theme[] = [YOUTH_VOICE, defaultTheme('attendance'), defaultTheme('neet')];

export const YOUTH_VOICE_PRIORITY: Priority = aPriority({
  id: 'preston-youth-voice',
  localityId: 'preston',
  title: 'Pupil voice and youth council',
  themes: ['youth-voice'],
  version: 1,
});

export const YOUTH_VOICE_UPDATE: PriorityUpdate = anUpdate({
  priorityId: YOUTH_VOICE_PRIORITY.id,
  localityId: 'preston',
  term: SUMMER_2025,
  title: YOUTH_VOICE_PRIORITY.title,
  rag: 'on track',
  figures: [{ value: 9, counts: 'schools with a pupil voice group' }],
  version: 1,
});

/** The outcomes fixture plus the Youth voice priority, as an OutcomesInput's parts. */
export const COUNCIL_OUTCOMES = {
  localities: OUTCOME_LOCALITIES,
  priorities: [...OUTCOME_PRIORITIES, YOUTH_VOICE_PRIORITY],
  updates: [...OUTCOME_UPDATES, YOUTH_VOICE_UPDATE],
};

/** Saves the Youth voice priority and its Summer 2025 update (after seedOutcomes). */
export async function seedYouthVoice(store: ReportStore): Promise<void> {
  await store.savePriority({ ...YOUTH_VOICE_PRIORITY, version: 0 }, 0);
  await store.savePriorityUpdate({ ...YOUTH_VOICE_UPDATE, version: 0 }, 0);
}

/** Writes a theme list (the council's by default) as JSON into `dir`; returns the file. */
export function writeThemeFile(dir: string, themes: unknown = COUNCIL_THEMES, name = 'themes.json'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(themes, null, 2));
  return file;
}
