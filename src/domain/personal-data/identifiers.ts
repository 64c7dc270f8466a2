/**
 * Numbers that identify a child on their own: the Unique Pupil Number (DfE) and the NHS number.
 * Both carry a check character, so only numbers that pass it are reported; a value written
 * straight after the word "UPN" is reported whatever it looks like.
 */
import { type PersonalDataFinding, findingAt } from './finding';

/** The DfE check-letter alphabet: A–Z without I, O and S. Index = remainder mod 23. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * True when `value` is a well-formed UPN: a check letter, then 12 digits (permanent UPN) or
 * 11 digits and a letter (temporary UPN), where the check letter matches characters 2–13
 * weighted by their position (2..13), summed, modulo 23 (DfE "Unique Pupil Numbers" guide).
 */
export function isValidUpn(value: string): boolean {
  const upn = value.toUpperCase();
  if (!/^[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-HJ-NP-RT-Z])$/.test(upn)) return false;
  let sum = 0;
  for (let position = 2; position <= 13; position += 1) {
    const character = upn[position - 1];
    const value = /\d/.test(character) ? Number(character) : UPN_LETTERS.indexOf(character);
    sum += value * position;
  }
  return UPN_LETTERS[sum % 23] === upn[0];
}

/**
 * True when the ten digits (spaces and hyphens ignored) pass the NHS modulus 11 check: digits
 * 1–9 weighted 10..2, summed; 11 minus the remainder is the check digit (11 reads as 0, 10 is
 * never valid).
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const UPN_PATTERN = /(?<![A-Za-z0-9])[A-Za-z]\d{11}[\dA-Za-z](?![A-Za-z0-9])/g;
/** "UPN", "UPN:", "UPN no.", "UPN number is", then a value with at least one digit. */
const LABELLED_UPN = /\bU\.?P\.?N(?![A-Za-z])\.?(?:\s*(?:no\.?|number|num|#))?(?:\s*(?:is|was|=|:|-|–|\())?\s*([A-Za-z0-9][A-Za-z0-9 ]{3,14}[A-Za-z0-9])/gi;
/** Ten digits, bare or spaced/hyphenated 3-3-4 with the same separator both times. */
const NHS_PATTERN = /(?<![\d/.:£$-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?!\d|[/.-]\d)/g;

/** Unique Pupil Numbers, with a valid check letter or labelled "UPN". */
export function findUpns(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(UPN_PATTERN)) {
    if (!isValidUpn(match[0])) continue;
    const start = match.index ?? 0;
    findings.push(findingAt(text, 'upn', start, start + match[0].length, 'A Unique Pupil Number identifies a pupil.'));
  }
  for (const match of text.matchAll(LABELLED_UPN)) {
    const value = labelledValue(match[1]);
    if (!/\d/.test(value)) continue;
    const start = (match.index ?? 0) + match[0].length - match[1].length;
    findings.push(findingAt(text, 'upn', start, start + value.length, 'A value given as a UPN identifies a pupil.'));
  }
  return findings;
}

/** The first token after "UPN", or the whole run when the number was written in groups. */
function labelledValue(raw: string): string {
  const grouped = /^[A-Za-z]?[\d ]*\d[A-Za-z]?/.exec(raw);
  const candidate = grouped && grouped[0].replace(/\s/g, '').length >= 8 ? grouped[0] : raw.split(' ')[0];
  return candidate.trimEnd();
}

/** NHS numbers that pass the modulus 11 check. Numbers shaped like UK phone numbers are left to the phone finder. */
export function findNhsNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(NHS_PATTERN)) {
    const digits = match[1] + match[3] + match[4];
    if (digits.startsWith('0') || !isValidNhsNumber(digits)) continue;
    const start = match.index ?? 0;
    findings.push(findingAt(text, 'nhs-number', start, start + match[0].length, 'An NHS number identifies a patient.'));
  }
  return findings;
}
