/**
 * The TASS report wizard as an EPO meets it in the Agents Playground: the report card `start`
 * posts for a locality, the six section cards of a priority (with the carry-forward checklist on
 * Activity last period) and the review card. Every Action.Execute replaces the card in its
 * message, so the wizard follows one message; every step waits for the next card's text to be
 * on screen and fails with what the card shows instead.
 */
import type { Locator } from 'playwright-core';
import { SECTION_HEADINGS, SECTION_NAMES, type SectionName } from '../../src/domain/model';
import type { PlaygroundPage } from './playground-page';
import type { TypedPriority, TypedSection } from './term-report-script';

const CONTINUE = 'Continue this priority';

export class ReportWizardPage {
  constructor(
    readonly playground: PlaygroundPage,
    /** The card of the message `start` posted for the locality. */
    readonly card: Locator,
  ) {}

  /** The card's visible text. */
  text(): Promise<string> {
    return this.card.innerText();
  }

  /** Waits until the card shows every one of `texts`, and returns its text. */
  async waitForText(texts: readonly string[], timeout = 15_000): Promise<string> {
    let showing = this.card;
    for (const text of texts) showing = showing.filter({ hasText: text });
    try {
      await showing.waitFor({ state: 'visible', timeout });
    } catch (error) {
      const now = await this.card.innerText().catch(() => '(no card)');
      throw new Error(`the card never showed ${texts.map((text) => `"${text}"`).join(' and ')}; it shows:\n${now}\n(${(error as Error).message.split('\n')[0]})`);
    }
    return this.text();
  }

  /** Clicks "Continue this priority" under the priority with this title on the report card. */
  async continuePriority(title: string): Promise<void> {
    const page = this.playground.page;
    const block = this.card
      .locator('.ac-container')
      .filter({ hasText: title })
      .filter({ has: page.locator(`button[title="${CONTINUE}"]`) })
      .last();
    await this.playground.executeCardAction(block, CONTINUE);
  }

  /** "Add a new priority" on the report card. */
  async addPriority(): Promise<void> {
    await this.playground.executeCardAction(this.card, 'Add a new priority');
  }

  /** Waits for a section card: its step, its heading and the priority's title. */
  async waitForSection(section: SectionName, priorityTitle: string): Promise<string> {
    const step = `Section ${SECTION_NAMES.indexOf(section) + 1} of ${SECTION_NAMES.length}`;
    return this.waitForText([step, SECTION_HEADINGS[section], priorityTitle]);
  }

  /** The section's text box, named by the section's heading. */
  sectionBox(section: SectionName): Locator {
    return this.playground.cardField(this.card, SECTION_HEADINGS[section]);
  }

  /** The "How did it go?" choice under one of last term's planned items. */
  carryForwardChoice(item: string): Locator {
    return this.card
      .locator('.ac-container')
      .filter({ hasText: item })
      .filter({ has: this.playground.page.locator('input[role="combobox"]') })
      .last()
      .locator('input[role="combobox"]');
  }

  /** Marks how each of last term's planned items went. */
  async markCarryForward(marks: TypedPriority['carryForward']): Promise<void> {
    for (const mark of marks) await this.playground.chooseOption(this.carryForwardChoice(mark.item), mark.choice);
  }

  /** Replaces the text in the section's box with what the author types. */
  async typeSection(entry: TypedSection): Promise<void> {
    await this.sectionBox(entry.section).fill(entry.typed);
  }

  /** "Save and next" (or "Save and finish" on the last section). */
  async saveAndNext(section: SectionName): Promise<void> {
    const last = SECTION_NAMES.indexOf(section) === SECTION_NAMES.length - 1;
    await this.playground.executeCardAction(this.card, last ? 'Save and finish' : 'Save and next');
  }

  /** "Review and submit" on the report card; waits for the review card. */
  async review(localityName: string): Promise<string> {
    await this.playground.executeCardAction(this.card, 'Review and submit');
    return this.waitForText([localityName, 'Period', 'Back to the report']);
  }

  /** "Submit" on the review card; waits for the line that says who submitted it. */
  async submit(submitterName: string): Promise<string> {
    await this.playground.executeCardAction(this.card, 'Submit');
    return this.waitForText([`Submitted by ${submitterName} at`]);
  }
}
