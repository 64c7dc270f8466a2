/**
 * Names of children and family members. A capitalised pair of words is everywhere in these
 * reports ("Compass Bloom", "South Ribble"), so a name is only reported when the structure
 * around it says it is a person in a family: "pupil Jack Smith", "Jack Smith (Year 8)",
 * "the Smith family", "Mrs Patel's son". Officers and known organisations are never reported.
 */
import { type PersonalDataFinding, findingAt } from './finding';
import { BUILT_IN_ORGANISATIONS, NOT_NAME_WORDS, ORGANISATION_SUFFIXES, TITLES } from './known-names';
import {
  CHILD_RECORD_WORDS,
  PERSON_WORD_CAPITALISABLE_SOURCE,
  PERSON_WORD_SOURCE,
  YEAR_OR_AGE_SOURCE,
} from './person-words';

/** What decides whether a capitalised phrase may be a person. */
export interface NameScreen {
  readonly officerNames: readonly string[];
  readonly knownOrganisations: readonly string[];
}

const SPACE = '[ \\u00a0]+';
const NAME_WORD = "(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*(?![A-Za-z])";
const INITIAL = '[A-Z]\\.?(?![A-Za-z])';
const TITLE = '(?:Mrs|Mr|Ms|Miss|Mx|Dr)\\.?(?![A-Za-z])';
const PERSON_NAME =
  `(?:${TITLE}${SPACE}(?:and|&)${SPACE}${TITLE}${SPACE}${NAME_WORD}` +
  `|${TITLE}${SPACE}(?:${INITIAL}${SPACE})?${NAME_WORD}(?:${SPACE}${NAME_WORD})?` +
  `|${INITIAL}${SPACE}${NAME_WORD}` +
  `|${NAME_WORD}${SPACE}(?:and|&)${SPACE}${NAME_WORD}${SPACE}${NAME_WORD}` +
  `|${NAME_WORD}(?:${SPACE}${NAME_WORD}){1,2})`;

/** A person word or "YP", then an optional separator or "called", then a name. */
const CUE_THEN_NAME = new RegExp(
  `(?<![A-Za-z])(?:(?:${PERSON_WORD_CAPITALISABLE_SOURCE})|[Yy]oung${SPACE}[Pp]erson|YP)(?:${SPACE}|[ \\u00a0]*[,:(\\-–][ \\u00a0]*)` +
    `(?:(?:called|named|known as)${SPACE})?(${PERSON_NAME})`,
  'g',
);
const ANY_NAME = new RegExp(`(?<![A-Za-z])${PERSON_NAME}`, 'g');
const RECORD_WORD_SOURCE = CHILD_RECORD_WORDS.map((word) => word.replace(/ /g, SPACE)).join('|');
/** A role rather than a relative: "parent governor", "Parent Support Advisor", "Year 6 teacher". */
const ROLE_AFTER = `(?![ \\u00a0]+(?:governor|rep|representative|support|partner|forum|council|voice|champion|advis[eo]r|worker|practitioner|liaison|group|network|panel|teacher|lead|leader|team|staff|tutor|co-?ordinator|head|senco)s?\\b)`;
const RELATIVE_SOURCE = `(?:${PERSON_WORD_SOURCE}(?![A-Za-z])${ROLE_AFTER}|YP(?![A-Za-z]))`;
const POSSESSIVE = `['’]s${SPACE}(?:(?:older|younger|little|big|eldest|youngest|new|twin|step-?)${SPACE})?`;
/** "'s mum", "'s younger brother". */
const POSSESSIVE_RELATIVE = new RegExp(`${POSSESSIVE}${RELATIVE_SOURCE}`, 'iy');
/** "'s attendance", "'s EHCP". */
const POSSESSIVE_RECORD = new RegExp(`${POSSESSIVE}(?:${RECORD_WORD_SOURCE})(?![A-Za-z])`, 'iy');
/** A personal identifier written straight after a name: "Jack Smith (DOB ...)", "Jack Smith, UPN ...". */
const IDENTIFIER_SOURCE = '(?:d\\.?o\\.?b\\b|born\\b|date\\s+of\\s+birth|NHS\\s+(?:no|number)|UPN\\b)';
const DESCRIPTOR_LEAD =
  `(?:[ \\u00a0]*[,(\\-–][ \\u00a0]*|${SPACE}(?=(?:who|is|in|now|currently|and|with|aged?)\\b))` +
  `(?:(?:who${SPACE}is|who['’]s|is|was|a|an|the|in|now${SPACE}in|currently${SPACE}in|and${SPACE}(?:his|her|their)|with${SPACE}(?:his|her|their))${SPACE})*`;
/** " (mum)", " - YP", " and his mum", ", a pupil", " (DOB ...)". */
const DESCRIPTOR_RELATIVE = new RegExp(`${DESCRIPTOR_LEAD}(?:${RELATIVE_SOURCE}|${IDENTIFIER_SOURCE})`, 'iy');
/** ", Year 8", " (Y8)", " in Year 10", ", aged 12", " (13)", ", a Year 9 pupil"; not "Year 6 teacher". */
const DESCRIPTOR_YEAR = new RegExp(`(?:${DESCRIPTOR_LEAD}${YEAR_OR_AGE_SOURCE}${ROLE_AFTER}|[ \\u00a0]*\\((?:[2-9]|1\\d)\\))`, 'iy');

/** Whether the text right after a name says it is a child or relative. Titled names are adults: only relatives count. */
function followedByPersonCue(text: string, end: number, titled: boolean): boolean {
  const cues = titled ? [POSSESSIVE_RELATIVE, DESCRIPTOR_RELATIVE] : [POSSESSIVE_RELATIVE, POSSESSIVE_RECORD, DESCRIPTOR_RELATIVE, DESCRIPTOR_YEAR];
  return cues.some((cue) => {
    cue.lastIndex = end;
    return cue.test(text);
  });
}

const HOUSEHOLD_WORDS = ['family', 'families', 'household', 'twins', 'siblings', 'children', 'boys', 'girls', 'brothers', 'sisters'];
/** "the Smith family", "The Smith-Jones household". */
const THE_SURNAME_HOUSEHOLD = new RegExp(
  `(?<![A-Za-z])[Tt]he${SPACE}(${NAME_WORD}(?:${SPACE}${NAME_WORD})?)${SPACE}(?:${HOUSEHOLD_WORDS.map(capitalOptional).join('|')})(?![A-Za-z])` +
    `(?![ \\u00a0]+(?:of${SPACE}schools|hubs?|support|centres?|workers?|groups?|networks?|services?|days?|events?|learning|liaison)\\b)`,
  'g',
);

function capitalOptional(word: string): string {
  return `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
}

const REASON_CUE = 'A name next to a word for a child or relative can identify a family.';
const REASON_HOUSEHOLD = 'A surname with "family" or "household" identifies a family.';

/** Names of children and relatives, judged by the words around them. */
export function findNamedChildren(text: string, screen: NameScreen): PersonalDataFinding[] {
  const knownPhrases = [...BUILT_IN_ORGANISATIONS, ...screen.knownOrganisations].map(normalise).filter(Boolean);
  const officers = screen.officerNames.map((name) => new Set(nameWords(name).map((word) => word.toLowerCase())));
  const accept = (start: number, end: number, surnameOnly = false): boolean =>
    isLikelyPerson(text, start, end, knownPhrases, officers, surnameOnly);
  const findings: PersonalDataFinding[] = [];

  for (const match of text.matchAll(CUE_THEN_NAME)) {
    const name = match[1];
    const start = (match.index ?? 0) + match[0].length - name.length;
    const trimmed = trimTrailingNonNames(name);
    if (accept(start, start + trimmed.length)) findings.push(findingAt(text, 'named-child', start, start + trimmed.length, REASON_CUE));
  }

  for (const match of text.matchAll(ANY_NAME)) {
    const matchStart = match.index ?? 0;
    const matchEnd = matchStart + match[0].length;
    const start = matchStart + leadingNonNameLength(match[0]);
    if (!followedByPersonCue(text, matchEnd, TITLES.has(text.slice(start, matchEnd).split(/[ \u00a0.]+/)[0]))) continue;
    if (start < matchEnd && accept(start, matchEnd)) findings.push(findingAt(text, 'named-child', start, matchEnd, REASON_CUE));
  }

  for (const match of text.matchAll(THE_SURNAME_HOUSEHOLD)) {
    const start = (match.index ?? 0) + match[0].indexOf(match[1]);
    const end = start + match[1].length;
    if (accept(start, end, true)) findings.push(findingAt(text, 'named-child', start, end, REASON_HOUSEHOLD));
  }
  return findings;
}

/** The words of a name without titles or initials: "Mrs J. Patel" -> ["Patel"]. */
function nameWords(name: string): string[] {
  return name
    .split(/[ \u00a0]+/)
    .map((word) => word.replace(/\.$/, ''))
    .filter((word) => word.length > 1 && !TITLES.has(word) && word !== 'and' && word !== '&');
}

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Drops sentence-start words the name pattern swept up: "Met Jack Smith" -> "Jack Smith". */
function leadingNonNameLength(name: string): number {
  const words = name.split(/(?<=[ \u00a0])/);
  let length = 0;
  while (words.length > 2 && NOT_NAME_WORDS.has(words[0].trim())) {
    length += words[0].length;
    words.shift();
  }
  return length;
}

/** Drops organisation words a name ran into: "Jack Smith Team" -> "Jack Smith" (two words stay). */
function trimTrailingNonNames(name: string): string {
  let trimmed = name;
  for (;;) {
    const words = trimmed.split(/[ \u00a0]+/);
    const last = words[words.length - 1];
    if (words.length <= 2 || !(NOT_NAME_WORDS.has(last) || ORGANISATION_SUFFIXES.has(last))) return trimmed;
    trimmed = trimmed.slice(0, trimmed.length - last.length).trimEnd();
  }
}

function isLikelyPerson(
  text: string,
  start: number,
  end: number,
  knownPhrases: readonly string[],
  officers: readonly ReadonlySet<string>[],
  surnameOnly: boolean,
): boolean {
  const name = text.slice(start, end);
  const words = nameWords(name);
  if (words.length === 0) return false;
  const hasTitle = TITLES.has(name.split(/[ \u00a0.]+/)[0]);
  if (!hasTitle && !surnameOnly && words.length === 1 && !/^[A-Z]\.?[ \u00a0]/.test(name)) return false;
  const firstIsInitial = /^[A-Z]\.?[ \u00a0]/.test(name);
  if (!hasTitle && !firstIsInitial && (NOT_NAME_WORDS.has(words[0]) || ORGANISATION_SUFFIXES.has(words[0]))) return false;
  if (words.every((word) => NOT_NAME_WORDS.has(word) || ORGANISATION_SUFFIXES.has(word))) return false;
  if (ORGANISATION_SUFFIXES.has(words[words.length - 1])) return false;
  if (/^[A-Z]+$/.test(words.join(''))) return false;

  const phrase = normalise(name);
  const widened = normalise(capitalisedRunAround(text, start, end));
  const containsPhrase = (outer: string, inner: string): boolean => ` ${outer} `.includes(` ${inner} `);
  if (knownPhrases.some((known) => containsPhrase(widened, known) || containsPhrase(known, phrase))) return false;
  const before = text.slice(Math.max(0, start - 7), start);
  if (/\b(?:St|Saint|St\.)[ \u00a0]+$/.test(before)) return false;
  const lowerWords = words.map((word) => word.toLowerCase());
  return !officers.some((officer) => lowerWords.every((word) => officer.has(word)));
}

/** The name together with capitalised words touching it, e.g. "Preston North End" around "North End". */
function capitalisedRunAround(text: string, start: number, end: number): string {
  const before = /(?:[A-Z][A-Za-z'’&-]*[ \u00a0]+)*$/.exec(text.slice(0, start));
  const after = /^(?:[ \u00a0]+[A-Z][A-Za-z'’&-]*)*/.exec(text.slice(end));
  return `${before ? before[0] : ''}${text.slice(start, end)}${after ? after[0] : ''}`;
}
