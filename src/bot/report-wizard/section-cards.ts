/** The section cards (one per section, in the report's order) and the close-or-hand-over card. */
import {
  CARRY_FORWARD_OUTCOMES,
  SECTION_HEADINGS,
  SECTION_NAMES,
  type CarryForwardOutcome,
  type SectionName,
  type SectionText,
} from '../../domain/model';
import { termShortLabel, previousTerm, termLabel } from '../../domain/term';
import { sectionLines, sectionToEditableText } from '../../domain/section-text';
import {
  CLOSE_PRIORITY_CARD,
  SECTION_CARD,
  type CarryForwardRow,
  type ChoiceOption,
  type ThemeCardInput,
} from '../../cards/card-models';
import { escapeCardText, plainCardText, shortenText } from '../../cards/escape-card-text';
import { renderCard, type AdaptiveCardJson } from '../../cards/render-card';
import { renderWithinLimit } from '../../cards/card-size';
import { contextFor, refreshFor, sectionStamp, type CardFrame } from './card-context';
import type { LineFindings } from '../../domain/personal-data';
import type { PersonalDataSaveMode } from '../../cards/personal-data-card-models';
import { personalDataPanel } from './personal-data-guard';
import { carriedItems, sectionOf, type PriorityInReport } from './report-state';
import { impactFields, RAG_CHOICES, type TypedImpact } from '../impact/impact-inputs';
import { themeChoiceFor } from '../themes/theme-choice';
import { CLOSING_NOTE_MAX_LENGTH, SECTION_BOX_HEIGHTS, SECTION_GUIDANCE, SECTION_INPUT_HINTS, SECTION_MAX_LENGTH, SECTION_PLACEHOLDERS } from './section-guidance';

const OUTCOME_TITLES: Record<CarryForwardOutcome, string> = {
  done: 'Done',
  'partly done': 'Partly done',
  'not done': 'Not done',
  'carried forward': 'Carried forward',
};
const OUTCOME_CHOICES: readonly ChoiceOption[] = CARRY_FORWARD_OUTCOMES.map((value) => ({ title: OUTCOME_TITLES[value], value }));

/** What a section card shows besides the stored state. */
export interface SectionCardOptions {
  /** The text to put in the box instead of what is stored (the author's own, after a problem or conflict). */
  readonly text?: string;
  /** Outcomes to show instead of the stored ones, by item index. */
  readonly carryForward?: ReadonlyMap<number, CarryForwardOutcome>;
  readonly notice?: string;
  readonly problems?: readonly string[];
  /** A co-author's newer text: who saved it, when, and what it says. */
  readonly conflict?: { readonly savedBy: string; readonly savedAt: string; readonly text: string };
  /** Impact so far: the status and figures as typed, re-shown after a problem. */
  readonly impact?: TypedImpact;
  /** Intended Outcomes: the themes as ticked, re-shown after a problem. */
  readonly themes?: readonly string[];
  /** The version and basis the author's view was based on, when re-showing their own text after a problem. */
  readonly version?: number;
  readonly basis?: string;
  /** What the personal-data guard found when it held the save, and which button was pressed. */
  readonly personalData?: { readonly lines: readonly LineFindings[]; readonly saveMode: PersonalDataSaveMode; readonly flagged: string };
}

function joinLines(lines: readonly string[], previewChars: number | undefined): string {
  const text = lines.join('\n');
  return escapeCardText(previewChars === undefined ? text : shortenText(text, previewChars));
}

/** Items longer than this are cut, on a word, in their dropdown's label (and shown in full above it). */
const LABEL_ITEM_CHARS = 120;

/**
 * Each dropdown is labelled with its own item, so a screen reader reads "Police rep to attend
 * the next meeting…, combo box" rather than the same question for every row. A long item is cut
 * in the label and shown in full just above it; a short one is the label alone, which keeps the
 * checklist compact. Two cut labels that would read the same get their item numbers.
 */
function carryForwardRows(entry: PriorityInReport, marks: ReadonlyMap<number, CarryForwardOutcome> | undefined, previewChars: number | undefined): CarryForwardRow[] {
  const items = carriedItems(entry);
  const labels = items.map((item) => shortenText(plainCardText(item), LABEL_ITEM_CHARS));
  return items.map((item, index) => {
    const stored = entry.update.carryForward.find((mark) => mark.item === item)?.outcome;
    const unique = labels.indexOf(labels[index]) === labels.lastIndexOf(labels[index]);
    const cut = item.length > LABEL_ITEM_CHARS;
    return {
      inputId: `carryOutcome_${index}`,
      label: unique ? labels[index] : `${labels[index]} (item ${index + 1})`,
      ...(cut ? { fullItem: escapeCardText(previewChars === undefined ? item : shortenText(item, previewChars)) } : {}),
      value: marks ? marks.get(index) ?? '' : stored ?? '',
      choices: OUTCOME_CHOICES,
    };
  });
}

/** The theme choice: ticked as typed, else the priority's themes, else suggestions from its text. */
function themeInput(frame: CardFrame, entry: PriorityInReport, title: string, outcomes: SectionText, typed: readonly string[] | undefined): ThemeCardInput {
  const choice = themeChoiceFor({ themes: typed ?? entry.priority.themes }, title, outcomes, frame.themes);
  return {
    label: choice.suggested ? 'Themes: suggested from what you wrote. Untick any that do not fit.' : 'Themes',
    choices: choice.choices.map((option) => ({ title: escapeCardText(option.title), value: option.value })),
    value: typed ? typed.join(',') : choice.value,
  };
}

/** The card for one section of one priority. */
export function buildSectionCard(
  frame: CardFrame,
  entry: PriorityInReport,
  section: SectionName,
  options: SectionCardOptions = {},
): AdaptiveCardJson {
  const { state } = frame;
  const stored = sectionOf(entry.update, section);
  const context = contextFor(state, 'section', {
    priorityId: entry.priority.id,
    section,
    version: options.version ?? entry.update.version,
    basis: options.basis ?? sectionStamp(stored),
  });
  const step = SECTION_NAMES.indexOf(section);
  const previousLabel = termShortLabel(previousTerm(state.term));
  const lastImpact = section === 'impactSoFar' && entry.previous ? sectionLines(entry.previous.impactSoFar) : [];
  const title = entry.update.title || entry.priority.title;

  return renderWithinLimit((previewChars) =>
    renderCard(SECTION_CARD, {
      localityName: escapeCardText(state.locality.name),
      termLabel: termLabel(state.term),
      priorityTitle: title ? escapeCardText(shortenText(title, 300)) : 'New priority',
      heading: SECTION_HEADINGS[section],
      stepLabel: `Section ${step + 1} of ${SECTION_NAMES.length}`,
      guidance: SECTION_GUIDANCE[section],
      text: options.text ?? sectionToEditableText(stored),
      placeholder: SECTION_PLACEHOLDERS[section],
      inputHint: SECTION_INPUT_HINTS[section],
      boxHeight: SECTION_BOX_HEIGHTS[section],
      maxLength: SECTION_MAX_LENGTH[section],
      ...(options.notice ? { notice: escapeCardText(options.notice) } : {}),
      problems: (options.problems ?? []).map((text) => ({ text: escapeCardText(text) })),
      ...(options.conflict
        ? {
            conflict: {
              line: escapeCardText(
                `${options.conflict.savedBy} saved this section at ${options.conflict.savedAt} while you were editing. Their text is below; yours is still in the box. Merge the two and save again.`,
              ),
              text: joinLines(options.conflict.text.split('\n'), previewChars),
            },
          }
        : {}),
      ...(lastImpact.length > 0
        ? { reference: { heading: `Impact so far, as reported for ${previousLabel}`, text: joinLines(lastImpact, previewChars) } }
        : {}),
      ...(options.personalData
        ? { personalData: personalDataPanel(options.personalData.lines, context, options.personalData.saveMode, options.personalData.flagged) }
        : {}),
      carryForward: section === 'activityLastPeriod' ? carryForwardRows(entry, options.carryForward, previewChars) : [],
      carryForwardHeading: `Planned for ${previousLabel}: how did each go?`,
      ...(section === 'impactSoFar' ? { impact: { ragChoices: RAG_CHOICES, ...impactFields(entry.update, stored, options.impact) } } : {}),
      ...(section === 'intendedOutcomes' ? { themes: themeInput(frame, entry, title, stored, options.themes) } : {}),
      nextTitle: step === SECTION_NAMES.length - 1 ? 'Save and finish' : 'Save and next',
      backData: context,
      saveData: context,
      refresh: refreshFor(frame, context),
    }),
  );
}

const STATUS_CHOICES: readonly ChoiceOption[] = [
  { title: 'Closed', value: 'closed' },
  { title: 'Handed over', value: 'handed over' },
];

/** The card that closes or hands over a priority, with its closing note. */
export function buildClosePriorityCard(
  frame: CardFrame,
  entry: PriorityInReport,
  options: { notice?: string; problems?: readonly string[]; status?: string; closingNote?: string } = {},
): AdaptiveCardJson {
  const { state } = frame;
  const context = contextFor(state, 'close', { priorityId: entry.priority.id, version: entry.priority.version });
  return renderWithinLimit(() =>
    renderCard(CLOSE_PRIORITY_CARD, {
      localityName: escapeCardText(state.locality.name),
      termLabel: termLabel(state.term),
      priorityTitle: escapeCardText(shortenText(entry.update.title || entry.priority.title, 300)),
      ...(options.notice ? { notice: escapeCardText(options.notice) } : {}),
      problems: (options.problems ?? []).map((text) => ({ text: escapeCardText(text) })),
      statusChoices: STATUS_CHOICES,
      status: options.status ?? (entry.priority.status === 'active' ? '' : entry.priority.status),
      closingNote: options.closingNote ?? entry.priority.closingNote ?? '',
      closingNoteMaxLength: CLOSING_NOTE_MAX_LENGTH,
      closeData: context,
      backData: contextFor(state, 'report'),
      refresh: refreshFor(frame, context),
    }),
  );
}
