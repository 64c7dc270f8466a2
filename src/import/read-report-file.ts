/**
 * Opens a past report file as text. Plain text may be UTF-8, UTF-16 (with a BOM) or
 * Windows-1252; Word documents are read with mammoth, one line per paragraph, and paragraphs
 * with Word list numbering come out as "• " items. Empty, binary, huge or unreadable files
 * stop here with an ImportFileError, before anything is parsed or stored.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';

/** Files above this size are refused: no real report comes close. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ImportFileError';
  }
}

export interface ReportFileText {
  readonly text: string;
  readonly kind: 'text' | 'docx';
}

/** The parts of mammoth's document tree we read. */
interface WordElement {
  readonly type?: string;
  readonly value?: string;
  readonly children?: readonly WordElement[];
  readonly numbering?: unknown;
}

function isWordElement(value: unknown): value is WordElement {
  return typeof value === 'object' && value !== null;
}

function textOf(element: WordElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  if (element.type === 'break') return ' ';
  return (element.children ?? []).map(textOf).join('');
}

function collectParagraphs(element: WordElement, lines: string[]): void {
  if (element.type === 'paragraph') {
    const text = textOf(element).replace(/[\r\n]+/g, ' ');
    lines.push(element.numbering && text.trim() ? `• ${text.trim()}` : text);
    return;
  }
  for (const child of element.children ?? []) collectParagraphs(child, lines);
}

async function readWordText(file: string, buffer: Buffer): Promise<string> {
  const lines: string[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        transformDocument: (document: unknown) => {
          if (isWordElement(document)) collectParagraphs(document, lines);
          return document;
        },
      },
    );
  } catch {
    throw new ImportFileError(file, 'is not a readable Word (.docx) document; it may be damaged');
  }
  return lines.join('\n');
}

/**
 * Windows-1252's characters for bytes 0x80-0x9f (smart quotes, dashes, bullet, euro); the rest
 * of the code page is Latin-1. Written out because Node's TextDecoder decodes "windows-1252" as
 * Latin-1 in some builds, turning these into invisible control characters.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(buffer: Buffer): string {
  let text = '';
  for (const byte of buffer) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function decodeText(file: string, buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  if (buffer.includes(0)) throw new ImportFileError(file, 'is a binary file, not a text or .docx report');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Not UTF-8: text saved from older Word or Notepad is Windows-1252.
    return decodeWindows1252(buffer);
  }
}

/** Reads a report file (.txt or .docx) as text. */
export async function readReportFile(file: string): Promise<ReportFileText> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportFileError(file, 'is not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(file, 'cannot be read (does it exist?)');
  }
  if (size === 0) throw new ImportFileError(file, 'is empty');
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportFileError(file, `is too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
  }
  const buffer = await readFile(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.doc') throw new ImportFileError(file, 'is an old Word .doc file: save it as .docx or .txt first');
  const isZip = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (extension === '.docx' || isZip) {
    if (!isZip) throw new ImportFileError(file, 'is not a readable Word (.docx) document; it may be damaged');
    const text = await readWordText(file, buffer);
    if (text.trim() === '') throw new ImportFileError(file, 'has no text');
    return { text, kind: 'docx' };
  }
  const text = decodeText(file, buffer);
  if (text.replace(/[\s\u00a0\u200b\ufeff]/g, '') === '') throw new ImportFileError(file, 'has no text');
  return { text, kind: 'text' };
}
