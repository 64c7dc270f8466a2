/**
 * The theme choice on a priority's card: every theme as a multi-select, pre-ticked with the
 * priority's themes or, for a priority with none yet, the themes suggested from its title and
 * intended outcomes, so the officer confirms rather than starts from a blank list.
 */
import { z } from 'zod';
import type { Priority, SectionText } from '../../domain/model';
import { sectionLines } from '../../domain/section-text';
import { suggestThemes, type Theme } from '../../domain/themes';

/** Suggestions weaker than this are left unticked: a single passing word is not a theme. */
const SUGGESTION_MIN_SCORE = 2;
/** At most this many themes are pre-ticked. */
const MAX_SUGGESTED = 2;

export interface ThemeChoice {
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** Comma-separated theme ids, as Input.ChoiceSet with isMultiSelect expects its value. */
  readonly value: string;
  /** True when the ticks are suggestions, not the officer's own choice. */
  readonly suggested: boolean;
}

/** Theme ids suggested for a priority's title and intended outcomes, strongest first. */
export function suggestedThemeIds(title: string, outcomes: SectionText, themes: readonly Theme[]): string[] {
  return suggestThemes({ title, outcomes: sectionLines(outcomes).join('\n') }, themes)
    .filter((suggestion) => suggestion.score >= SUGGESTION_MIN_SCORE)
    .slice(0, MAX_SUGGESTED)
    .map((suggestion) => suggestion.themeId);
}

/** What the card shows for a priority. */
export function themeChoiceFor(priority: Pick<Priority, 'themes'>, title: string, outcomes: SectionText, themes: readonly Theme[]): ThemeChoice {
  const own = priority.themes.filter((id) => themes.some((theme) => theme.id === id));
  const ids = own.length > 0 ? own : suggestedThemeIds(title, outcomes, themes);
  return {
    choices: themes.map((theme) => ({ title: theme.name, value: theme.id })),
    value: ids.join(','),
    suggested: own.length === 0 && ids.length > 0,
  };
}

const ThemesInputSchema = z.string().max(2000).default('');

/** Reads the multi-select's value ("neet,attendance"), keeping only known theme ids, each once. */
export function readThemeChoice(raw: unknown, themes: readonly Theme[]): string[] {
  const parsed = ThemesInputSchema.safeParse(raw);
  if (!parsed.success) return [];
  const known = new Set(themes.map((theme) => theme.id));
  return [...new Set(parsed.data.split(',').map((id) => id.trim()).filter((id) => known.has(id)))];
}

/** The themes to keep: those ticked, plus any stored id the card could not offer (not in the list). */
export function mergeThemeChoice(stored: readonly string[], ticked: readonly string[], themes: readonly Theme[]): string[] {
  const offered = new Set(themes.map((theme) => theme.id));
  return [...ticked, ...stored.filter((id) => !offered.has(id) && !ticked.includes(id))];
}
