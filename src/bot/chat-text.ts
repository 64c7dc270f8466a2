/**
 * Reads what an officer typed in the compose box into a command. Case does not matter, a
 * leading @mention (or "TASS,") is ignored, and Teams' non-breaking spaces count as spaces.
 */
import { tryParseTerm } from '../domain/term';

export type ChatCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'start' }
  | { readonly kind: 'status'; readonly term?: string }
  | { readonly kind: 'report'; readonly term: string; readonly locality?: string }
  | { readonly kind: 'report-usage' }
  | { readonly kind: 'open-campaign'; readonly term?: string }
  | { readonly kind: 'unknown' };

/** The text with mentions, markup and odd spaces removed, lower-cased for matching. */
export function normaliseChatText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u00a0\u2000-\u200b\u202f\u2060\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^@\S+\s*/, '')
    .replace(/^tass\b[\s,:]*/i, '')
    .trim();
}

/** The command in a message; anything unrecognised is `unknown` (and gets the help card). */
export function parseChatCommand(text: string): ChatCommand {
  const cleaned = normaliseChatText(text);
  const [word = '', ...restWords] = cleaned.split(' ');
  const rest = restWords.join(' ').trim();
  switch (word.toLowerCase()) {
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'start':
      return { kind: 'start' };
    case 'status':
      return rest ? { kind: 'status', term: rest } : { kind: 'status' };
    case 'report': {
      if (!rest) return { kind: 'report-usage' };
      const split = splitTermAndLocality(rest);
      return split.locality ? { kind: 'report', term: split.term, locality: split.locality } : { kind: 'report', term: split.term };
    }
    case 'open': {
      const match = /^campaign\b\s*(.*)$/i.exec(rest);
      if (!match) return { kind: 'unknown' };
      return match[1] ? { kind: 'open-campaign', term: match[1].trim() } : { kind: 'open-campaign' };
    }
    default:
      return { kind: 'unknown' };
  }
}

/**
 * "Spring – March 2025 Preston" → term "Spring – March 2025", locality "Preston": the term is the
 * shortest run of leading words that reads as a term, so locality names may hold any words.
 */
export function splitTermAndLocality(text: string): { term: string; locality?: string } {
  const words = text.split(' ');
  for (let count = 1; count <= words.length; count += 1) {
    if (tryParseTerm(words.slice(0, count).join(' '))) {
      const locality = words.slice(count).join(' ').trim();
      const term = words.slice(0, count).join(' ');
      return locality ? { term, locality } : { term };
    }
  }
  return { term: text };
}
