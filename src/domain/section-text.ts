/**
 * Turning what people type or paste into a SectionText and back. Real input has bullets of
 * three kinds ("•", "-", plain lines), non-breaking spaces, trailing spaces and odd
 * separators; all of that is cleaned here, once.
 */
import type { SectionText } from './model';

/** Bullet marks that start an item: •, ◦, ▪, ●, ·, -, –, —, *, , and "1." / "a)" numbering. */
const BULLET = /^(?:[\u2022\u25e6\u25aa\u25cf\u00b7\u2023\u2043\uf0b7\uf0a7*]|[-\u2013\u2014](?=\s|\S)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))\s*/;

/** Spaces that are not plain spaces, zero-width characters and BOMs. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
/** C0/C1 controls other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Cleans one line: odd spaces become spaces, invisible and control characters go, ends trimmed. */
export function cleanLine(line: string): string {
  return line
    .replace(ODD_SPACE, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** True when the line begins with a bullet mark. */
export function isBulletLine(line: string): boolean {
  const cleaned = cleanLine(line);
  return cleaned.length > 1 && BULLET.test(cleaned) && cleaned.replace(BULLET, '').length > 0;
}

/** The line without its bullet mark. */
export function stripBullet(line: string): string {
  return cleanLine(cleanLine(line).replace(BULLET, ''));
}

/**
 * Reads typed or pasted text. One non-empty line per item; if any line carries a bullet mark,
 * or the author wrote several short lines, it is a list. A single block, or lines that read as
 * paragraphs separated by blank lines, is prose.
 */
export function parseSectionText(raw: string): SectionText {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  const nonEmpty = lines.filter((line) => line.length > 0);
  if (nonEmpty.length === 0) return { kind: 'items', items: [] };
  const anyBullet = nonEmpty.some(isBulletLine);
  if (anyBullet) return { kind: 'items', items: nonEmpty.map(stripBullet).filter(Boolean) };
  if (nonEmpty.length === 1) return { kind: 'prose', paragraphs: nonEmpty };
  return { kind: 'items', items: nonEmpty };
}

/** Reads text the author meant as paragraphs, keeping one paragraph per non-empty line. */
export function parseProse(raw: string): SectionText {
  const paragraphs = raw.replace(/\r\n?/g, '\n').split('\n').map(cleanLine).filter(Boolean);
  return { kind: 'prose', paragraphs };
}

/** The lines of a section, items or paragraphs alike. */
export function sectionLines(text: SectionText): readonly string[] {
  return text.kind === 'items' ? text.items : text.paragraphs;
}

export function isSectionEmpty(text: SectionText): boolean {
  return sectionLines(text).every((line) => line.trim().length === 0);
}

/** The text as an author would edit it in a multi-line box: one line per item or paragraph. */
export function sectionToEditableText(text: SectionText): string {
  return sectionLines(text).join('\n');
}

/** Total characters, as the length limits count them. */
export function sectionLength(text: SectionText): number {
  return sectionLines(text).reduce((sum, line) => sum + line.length, 0);
}

export function sectionsEqual(a: SectionText, b: SectionText): boolean {
  const linesA = sectionLines(a);
  const linesB = sectionLines(b);
  return a.kind === b.kind && linesA.length === linesB.length && linesA.every((line, i) => line === linesB[i]);
}
