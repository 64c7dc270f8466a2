/**
 * The few lines of "Impact so far" a manager should see first on the sign-off card. Lines that
 * report something measurable ("8 high schools attended the first panel meeting") come before
 * general ones, and each priority gets a turn before any priority gets a second line.
 */
import type { PriorityUpdate } from './model';
import { sectionLines } from './section-text';

/** How telling a line is: figures and outcome words count; very short lines do not. */
function notability(line: string): number {
  let score = 0;
  if (/\b\d+(?:[.,]\d+)?%?/.test(line.replace(/\b(?:19|20)\d\d\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}/g, ''))) score += 3;
  if (/\b(?:increase|improv|reduc|commit|agreed|attended|engag|signed up|established|launched|secured|completed)/i.test(line)) score += 2;
  if (line.length >= 40) score += 1;
  if (line.length < 15) score -= 3;
  return score;
}

/** Up to `count` impact lines, most notable first, spread across priorities. */
export function notableImpactLines(updates: readonly PriorityUpdate[], count = 3): string[] {
  const perPriority = updates.map((update) =>
    sectionLines(update.impactSoFar)
      .map((line, index) => ({ line: line.trim(), index, score: notability(line) }))
      .filter((entry) => entry.line.length > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index),
  );
  const chosen: Array<{ line: string; score: number; round: number }> = [];
  const rounds = Math.max(0, ...perPriority.map((lines) => lines.length));
  for (let round = 0; round < rounds; round += 1) {
    for (const lines of perPriority) {
      if (lines[round]) chosen.push({ line: lines[round].line, score: lines[round].score, round });
    }
  }
  return chosen
    .sort((a, b) => a.round - b.round || b.score - a.score)
    .slice(0, count)
    .map((entry) => entry.line);
}
