/**
 * How a carry-forward mark reads in a report: last term's planned item followed by its outcome
 * in brackets, "Police rep to attend the next meeting. (partly done)". Written once here so the
 * compiled report, the review card and the importer that reads compiled reports back agree.
 */
import { CARRY_FORWARD_OUTCOMES, type CarryForwardMark, type CarryForwardOutcome } from './model';

/** "Police rep to attend the next meeting. (partly done)". */
export function markedItemText(mark: CarryForwardMark): string {
  return `${mark.item} (${mark.outcome})`;
}

/** An item ending in one of the four outcome phrases exactly, in brackets, after a space. */
const MARKED_ITEM = new RegExp(`^(.*\\S)\\s+\\((${CARRY_FORWARD_OUTCOMES.join('|')})\\)$`);

/**
 * The mark a line of a report stands for, or undefined when the line is ordinary text. Only
 * the four outcome phrases count, written exactly as reports print them: "(Done)", "(done!)"
 * or "(see notes)" at the end of a line are the author's own words.
 */
export function readMarkedItem(line: string): CarryForwardMark | undefined {
  const match = MARKED_ITEM.exec(line);
  if (!match) return undefined;
  return { item: match[1], outcome: match[2] as CarryForwardOutcome };
}
