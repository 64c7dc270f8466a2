/**
 * The personal-data guard in the wizard. Reports are shared with partners, so before a section
 * is saved, and again before the report is submitted, its text is checked for what could
 * identify a child or family. A save with something unconfirmed is held: the section card comes
 * back with the words highlighted, and the author edits the text or confirms it with a reason,
 * which is recorded with the section.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SECTION_HEADINGS, SECTION_NAMES, type PriorityUpdate, type SectionName, type SectionText } from '../../domain/model';
import {
  findingKinds,
  guardSection,
  highlightFindings,
  personalDataConfirmationSchema,
  unconfirmedSections,
  withSectionConfirmation,
  type LineFindings,
  type PersonalDataContext,
  type PersonalDataFinding,
  type PersonalDataKind,
} from '../../domain/personal-data';
import type { ActionContext } from '../../cards/card-models';
import {
  PERSONAL_DATA_REASON_INPUT_ID,
  PERSONAL_DATA_SAVE_MODES,
  type PersonalDataPanel,
  type PersonalDataSaveMode,
} from '../../cards/personal-data-card-models';
import { escapeCardText } from '../../cards/escape-card-text';
import type { BotDeps } from '../bot-deps';
import { InvalidActionDataError } from './action-data';
import { loadOrganisation, sectionOf, type OrganisationSnapshot, type ReportState } from './report-state';
import { priorityName } from './priority-name';

/** The longest reason kept; the confirmation record allows 500 characters. */
export const REASON_MAX_LENGTH = 500;

/** How each kind of finding is named to the author. */
const KIND_NAMES: Record<PersonalDataKind, string> = {
  upn: 'a Unique Pupil Number',
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  'named-child': "a child's or relative's name",
};

/**
 * What the checker needs besides the text: every officer's name (officers may be named), the
 * council's and partners' email domains, and local organisations including the localities.
 * The localities and officers come from the report state the turn has already read.
 */
export function personalDataContextOf(deps: Pick<BotDeps, 'config' | 'clock'>, organisation: OrganisationSnapshot): PersonalDataContext {
  return {
    officerNames: organisation.officers.map((officer) => officer.name),
    allowedEmailDomains: deps.config.allowedEmailDomains,
    knownOrganisations: [...deps.config.knownOrganisations, ...organisation.localities.map((locality) => locality.name)],
    referenceYear: deps.clock().getUTCFullYear(),
  };
}

/** A fingerprint of the flagged words, so a confirmation covers exactly what the author was shown. */
export function flaggedStamp(lines: readonly LineFindings[]): string {
  const words = lines.flatMap((line) => line.findings.map((finding) => `${line.index}:${finding.kind}:${finding.match}`));
  return createHash('sha256').update(words.join('\n')).digest('hex').slice(0, 16);
}

/** The kinds found, for logs and the confirmation record; never the words themselves. */
export function kindsIn(lines: readonly LineFindings[]): PersonalDataKind[] {
  return findingKinds(lines.flatMap((line) => line.findings));
}

/** What the author sent with "Confirm and save". */
export interface PersonalDataConfirmationInput {
  readonly reason: string;
  readonly flagged: string;
}

/** One section save, as the guard sees it. */
export interface SectionSaveCheck {
  readonly section: SectionName;
  /** The text the author is saving. */
  readonly typed: SectionText;
  /** The update as stored: its text is what any existing confirmation was given for. */
  readonly current: PriorityUpdate;
  /** The update as it would be saved. */
  readonly proposed: PriorityUpdate;
  readonly confirmation?: PersonalDataConfirmationInput;
  readonly officerId: string;
  /** ISO date-time of the save. */
  readonly now: string;
}

/** Save `update` (its confirmations set as they should be), or hold the save and show `lines`. */
export type PersonalDataCheck =
  | { readonly kind: 'save'; readonly update: PriorityUpdate; readonly confirmed: readonly PersonalDataKind[] }
  | { readonly kind: 'hold'; readonly lines: readonly LineFindings[]; readonly flagged: string; readonly problem?: string };

/**
 * Decides a section save. Nothing found: save, clearing any confirmation. Only what was already
 * confirmed: save, keeping it. Otherwise hold, unless the author confirmed these same words with
 * a reason, in which case save with the confirmation recorded.
 */
export function checkSectionSave(check: SectionSaveCheck, context: PersonalDataContext): PersonalDataCheck {
  const { section, current, proposed } = check;
  const decision = guardSection(
    check.typed,
    { text: sectionOf(current, section), confirmation: current.personalDataConfirmations?.[section] },
    context,
  );
  if (decision.outcome === 'clear') return { kind: 'save', update: withSectionConfirmation(proposed, section, undefined), confirmed: [] };
  // The proposed update carries the stored confirmations, so keeping one needs no change.
  if (decision.outcome === 'keep') return { kind: 'save', update: proposed, confirmed: [] };
  const { lines } = decision;
  const flagged = flaggedStamp(lines);
  if (!check.confirmation) return { kind: 'hold', lines, flagged };
  if (check.confirmation.flagged !== flagged) {
    return { kind: 'hold', lines, flagged, problem: 'The text changed after the highlighted words were shown. Check what is highlighted now, then edit it or confirm it.' };
  }
  const record = personalDataConfirmationSchema.safeParse({
    findingKinds: kindsIn(lines),
    reason: check.confirmation.reason,
    confirmedBy: check.officerId,
    confirmedAt: check.now,
  });
  if (!record.success) {
    return { kind: 'hold', lines, flagged, problem: 'Say why this can stay in a report shared with partners (at least 3 characters), or edit the text.' };
  }
  return { kind: 'save', update: withSectionConfirmation(proposed, section, record.data), confirmed: record.data.findingKinds };
}

const ConfirmationInputsSchema = z.object({
  saveMode: z.enum(PERSONAL_DATA_SAVE_MODES),
  flagged: z.string().regex(/^[0-9a-f]{16}$/),
  [PERSONAL_DATA_REASON_INPUT_ID]: z.string().max(REASON_MAX_LENGTH * 4).default(''),
});

/** "Confirm and save": which save it finishes, and the author's reason for keeping the words. */
export function parsePersonalDataConfirmation(raw: unknown): { saveMode: PersonalDataSaveMode; confirmation: PersonalDataConfirmationInput } {
  const result = ConfirmationInputsSchema.safeParse(raw);
  if (!result.success) {
    throw new InvalidActionDataError(result.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`));
  }
  return { saveMode: result.data.saveMode, confirmation: { reason: result.data[PERSONAL_DATA_REASON_INPUT_ID], flagged: result.data.flagged } };
}

/** Characters of context kept either side of a finding when a line is shown. */
const EXCERPT_RADIUS = 80;

/** Findings close enough together to be shown in one excerpt. */
function clusters(findings: readonly PersonalDataFinding[]): PersonalDataFinding[][] {
  const groups: PersonalDataFinding[][] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const last = groups[groups.length - 1];
    if (last && finding.start - last[last.length - 1].end <= EXCERPT_RADIUS * 2) last.push(finding);
    else groups.push([finding]);
  }
  return groups;
}

/** Whether two updates record the same confirmations, section by section. */
export function sameConfirmations(a: PriorityUpdate, b: PriorityUpdate): boolean {
  return SECTION_NAMES.every(
    (section) => JSON.stringify(a.personalDataConfirmations?.[section]) === JSON.stringify(b.personalDataConfirmations?.[section]),
  );
}

/**
 * The parts of a line around its findings, highlighted; long lines are cut to the findings'
 * surroundings. With `maxFindings`, only the first few are shown, so a list stays short.
 */
export function highlightedExcerpt(line: LineFindings, maxFindings = Number.POSITIVE_INFINITY): string {
  const shown = line.findings.slice(0, maxFindings);
  const more = line.findings.length - shown.length;
  return clusters(shown)
    .map((group) => {
      const from = Math.max(0, group[0].start - EXCERPT_RADIUS);
      const to = Math.min(line.text.length, Math.max(...group.map((finding) => finding.end)) + EXCERPT_RADIUS);
      const shifted = group.map((finding) => ({ ...finding, start: finding.start - from, end: finding.end - from }));
      return `${from > 0 ? '…' : ''}${highlightFindings(line.text.slice(from, to), shifted)}${to < line.text.length ? '…' : ''}`;
    })
    .concat(more > 0 ? [`(and ${more} more)`] : [])
    .join(' ');
}

/** Lines and findings per section listed on the review card: enough to find it, short enough to fit. */
const REVIEW_LINES = 2;
const REVIEW_FINDINGS_PER_LINE = 3;

function kindList(kinds: readonly PersonalDataKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The panel a held section card shows. */
export function personalDataPanel(
  lines: readonly LineFindings[],
  context: ActionContext,
  saveMode: PersonalDataSaveMode,
  flagged: string,
): PersonalDataPanel {
  return {
    heading: 'Check before saving: this may identify a child or family',
    explanation:
      `Reports are shared with partners, so they must not identify children or families. This section seems to contain ${kindList(kindsIn(lines))} (highlighted below). ` +
      'Edit the text in the box and save again, or keep it and say why it is fine to share.',
    lines: lines.map((line) => ({
      text: highlightedExcerpt(line),
      why: [...new Set(line.findings.map((finding) => finding.reason))].join(' '),
    })),
    reasonLabel: 'Why can this stay in the report?',
    reasonPlaceholder: 'For example: Jack Smith is the chair of governors, not a pupil.',
    reasonMaxLength: REASON_MAX_LENGTH,
    confirmData: { ...context, saveMode, flagged },
  };
}

/**
 * What stops submission on personal-data grounds, one line per priority and section with
 * unconfirmed findings, highlighted for the review card (card Markdown, already escaped).
 */
export function personalDataProblems(state: ReportState, context: PersonalDataContext): string[] {
  return state.priorities.flatMap((entry) =>
    unconfirmedSections(entry.update, context).map(
      ({ section, lines }) =>
        `${escapeCardText(priorityName(entry, 'sentence start'))}, ${SECTION_HEADINGS[section]}: ` +
        `${lines.slice(0, REVIEW_LINES).map((line) => highlightedExcerpt(line, REVIEW_FINDINGS_PER_LINE)).join(' ')}` +
        `${lines.length > REVIEW_LINES ? ` (and ${lines.length - REVIEW_LINES} more lines)` : ''} may identify a child or family ` +
        `(${kindList(kindsIn(lines))}). Open the section to edit it, or confirm it with a reason.`,
    ),
  );
}

/** The same, with the officers and localities the state was read with (read now if it was not). */
export async function unconfirmedPersonalData(deps: Pick<BotDeps, 'store' | 'config' | 'clock'>, state: ReportState): Promise<string[]> {
  const hasText = state.priorities.length > 0;
  return hasText ? personalDataProblems(state, personalDataContextOf(deps, state.organisation ?? (await loadOrganisation(deps.store)))) : [];
}
