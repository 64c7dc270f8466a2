/**
 * Ways to reach a family: postcodes, phone numbers and email addresses. Council and partner
 * addresses (the allowed domains) are not personal data about a child and are left alone.
 */
import { type PersonalDataFinding, findingAt } from './finding';

/** Postcode areas in use in the UK (Royal Mail), so "Y6 2HR" or "KS3 4TH" do not read as postcodes. */
const POSTCODE_AREAS = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX ' +
    'FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE ' +
    'NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ ' +
    'TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

/** Outward code (area letters, district) then inward code (digit, two letters not in CIKMOV). */
const POSTCODE_PATTERN = /(?<![A-Za-z0-9])([A-Za-z]{1,2})(\d[A-Za-z\d]?) ?(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])/g;
const ORDINAL_SUFFIX = /^\d(?:st|nd|rd|th)$/;

/** Full UK postcodes, in capitals or lower case. */
export function findPostcodes(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(POSTCODE_PATTERN)) {
    const [whole, area, district, inward] = match;
    if (!POSTCODE_AREAS.has(area.toUpperCase())) continue;
    // "Y6 2nd" and "KS3 4th" are ordinals, not inward codes; a capitalised "PR1 2ND" is a postcode.
    if (ORDINAL_SUFFIX.test(inward) && inward !== inward.toUpperCase()) continue;
    // Mixed case such as "Pr1 2aB" is almost never a postcode someone typed.
    const letters = (area + district + inward).replace(/\d/g, '');
    if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) continue;
    const start = match.index ?? 0;
    findings.push(findingAt(text, 'postcode', start, start + whole.length, 'A full postcode can locate a family home.'));
  }
  return findings;
}

/**
 * A run that starts like a UK number ("0", "+44", "(0", "0044") and continues with digits,
 * spaces, hyphens and brackets. Dots and slashes end it, so dates and "2024/25" never start one.
 */
const PHONE_CANDIDATE = /(?<![\d+/.:-])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|\(0|0)\d[\d \-()]{7,16}\d(?!\d|[/.-]\d)/g;

/** UK landline, non-geographic and mobile numbers: 01, 02, 03, 07 and 08 ranges. */
export function findPhoneNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const raw = match[0];
    const national = nationalDigits(raw);
    if (!national || !/^0[1237]\d{8,9}$|^08\d{8,9}$/.test(national)) continue;
    if (national.startsWith('07') && national.length !== 11) continue;
    if (!hasPhoneGrouping(raw)) continue;
    const start = match.index ?? 0;
    // 03 and 08 numbers are rarely a family's own; say so, so the author can confirm quickly.
    const reason = /^0[38]/.test(national)
      ? 'A phone number can reach a family directly; 03 and 08 numbers are usually an organisation\'s, so confirm if this is one.'
      : 'A phone number can reach a family directly.';
    findings.push(findingAt(text, 'phone', start, start + raw.length, reason));
  }
  return findings;
}

/** The number as dialled within the UK ("07700900123"), or undefined if it cannot be one. */
function nationalDigits(raw: string): string | undefined {
  const international = /^(?:\+44|0044)/.test(raw);
  let digits = raw.replace(/\(0\)/, '').replace(/\D/g, '');
  if (international) digits = '0' + digits.replace(/^(?:0044|44)/, '');
  return digits.length === 10 || digits.length === 11 ? digits : undefined;
}

/**
 * Real numbers are written as one block or in groups of two to six digits; long runs split
 * into single digits ("0 1 2 3") are figures or lists, not phone numbers.
 */
function hasPhoneGrouping(raw: string): boolean {
  const groups = raw.replace(/[()+]/g, ' ').split(/[\s-]+/).filter(Boolean);
  return groups.length <= 5 && groups.filter((group) => group.length === 1).length <= 1;
}

const EMAIL_PATTERN = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![A-Za-z0-9-])/g;

/** Email addresses outside the allowed (council and partner) domains and their subdomains. */
export function findEmails(text: string, allowedDomains: readonly string[]): PersonalDataFinding[] {
  const allowed = allowedDomains.map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(EMAIL_PATTERN)) {
    const address = match[0].replace(/\.+$/, '');
    const domain = match[1].toLowerCase().replace(/\.+$/, '');
    if (allowed.some((ok) => domain === ok || domain.endsWith(`.${ok}`))) continue;
    const start = match.index ?? 0;
    findings.push(
      findingAt(text, 'email', start, start + address.length, 'An email address outside the council and partner domains may be personal.'),
    );
  }
  return findings;
}
