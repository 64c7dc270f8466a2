/**
 * Words that say a sentence is about a particular child or family member. A capitalised name is
 * only treated as personal data when one of these stands next to it.
 */

/** Singular words for a child or a relative, plus the plurals that still point at one household. */
export const PERSON_WORDS = [
  'pupil', 'child', 'student', 'learner', 'young person', 'boy', 'girl', 'son', 'daughter', 'baby',
  'toddler', 'infant', 'teenager', 'sibling', 'siblings', 'brother', 'sister', 'twin', 'twins', 'mum',
  'mother', 'dad', 'father', 'stepdad', 'stepmum', 'step-dad', 'step-mum', 'parent', 'parents',
  'carer', 'carers', 'foster carer', 'guardian', 'grandparent', 'grandma', 'grandmother', 'nan',
  'nana', 'grandad', 'grandfather', 'aunt', 'auntie', 'uncle', 'cousin', 'family member',
] as const;

/** Regex source for any person word (case-insensitive use), longest first so "foster carer" wins. */
export const PERSON_WORD_SOURCE = `(?:${[...PERSON_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/-/g, '\\-').replace(/ /g, '\\s+'))
  .join('|')})`;

/** The same, for case-sensitive patterns: each word may start with a capital ("Pupil", "Mum"). */
export const PERSON_WORD_CAPITALISABLE_SOURCE = `(?:${[...PERSON_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((word) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1).replace(/-/g, '\\-').replace(/ /g, '\\s+')}`)
  .join('|')})`;

/** "YP" is written in capitals; matched case-sensitively so "yp" inside other text is never a cue. */
export const YOUNG_PERSON_ABBREVIATION = 'YP';

/** Things said about one child that make a possessive name personal: "Jack Smith's attendance". */
export const CHILD_RECORD_WORDS = [
  'attendance', 'behaviour', 'EHCP', 'EHC plan', 'exclusion', 'diagnosis', 'referral', 'case',
  'needs', 'school place', 'social worker', 'key worker', 'home', 'family', 'household', 'year group',
  'birthday', 'timetable', 'place', 'mental health', 'anxiety',
] as const;

/** Year groups and ages: "Year 8", "Y8", "YR10", "aged 12", "12 years old", "12yo". */
export const YEAR_OR_AGE_SOURCE =
  '(?:Year\\s?\\d{1,2}|Y\\d{1,2}|YR\\s?\\d{1,2}|aged?\\s+\\d{1,2}|\\d{1,2}\\s*(?:yrs?|years?\\s+old|y\\/o|yo)\\b)';

/** Singular person words used to decide whether a bare full date sits "next to a person". */
export const SINGLE_PERSON_SOURCE =
  '(?:\\b(?:pupil|child|student|learner|young person|boy|girl|son|daughter|baby|toddler|sibling|brother|sister|he|she|his|her)\\b|\\bYP\\b)';
