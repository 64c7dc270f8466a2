/**
 * A page object for the Microsoft 365 Agents Playground (0.2.x) web client, for end-to-end tests
 * that chat with the bot the way a person in Teams would. The selectors were read from the
 * playground's rendered DOM (Fluent UI + the Adaptive Cards JS renderer), not from its source,
 * so they are listed here in one place:
 *
 *   compose box       [data-lexical-editor="true"][role="textbox"]   (a Lexical contenteditable)
 *   send button       button[aria-label="Send Message"]
 *   chats in the list [role="treeitem"][aria-label="Personal Chat"] (also "General", the group chat's name, ...)
 *   a message         the parent of [aria-label="Message header"]; the bot's have
 *                     [aria-label="Message author"] in the header, the user's own do not
 *   an Adaptive Card  .ac-adaptiveCard, with .ac-textBlock, .ac-fact-title / .ac-fact-value;
 *                     its actions are Fluent buttons inside .ac-actionSet, with the action's title
 *                     as both `title` and `aria-label` (Action.Execute included)
 *   a card input      a Fluent <textarea>/<input> inside .ac-input-container, named by a
 *                     <label for="<input id>"> holding the Input's `label`; its aria-label is the
 *                     placeholder. An Action.Execute reply replaces the card in place and shows
 *                     "Your response was sent to the app" under it.
 *   the log panel     right-hand side, lines like "message 200 help"; `logPanelText()` reads it
 */
import type { Locator, Page } from 'playwright-core';

export const PLAYGROUND_SELECTORS = {
  composeBox: '[data-lexical-editor="true"][role="textbox"]',
  sendButton: 'button[aria-label="Send Message"]',
  messageHeader: '[aria-label="Message header"]',
  messageAuthor: '[aria-label="Message author"]',
  card: '.ac-adaptiveCard',
  cardText: '.ac-textBlock',
  cardAction: (title: string) => `.ac-actionSet button[title="${title}"]`,
  cardInputLabel: '.ac-richTextBlock',
  chatInList: (name: string) => `[role="treeitem"][aria-label="${name}"]`,
} as const;

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  /** Opens the playground and waits for its compose box. */
  async open(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.composeBox().waitFor({ state: 'visible', timeout: 20_000 });
  }

  composeBox(): Locator {
    return this.page.locator(PLAYGROUND_SELECTORS.composeBox);
  }

  /** Types a message in the compose box and sends it with the send button. */
  async send(text: string): Promise<void> {
    await this.composeBox().click();
    await this.page.keyboard.type(text);
    await this.page.locator(PLAYGROUND_SELECTORS.sendButton).click();
  }

  /** Every message in the open chat, oldest first. */
  messages(): Locator {
    return this.page.locator(PLAYGROUND_SELECTORS.messageHeader).locator('xpath=..');
  }

  /** The bot's messages (those whose header names an author). */
  botMessages(): Locator {
    return this.messages().filter({ has: this.page.locator(PLAYGROUND_SELECTORS.messageAuthor) });
  }

  /** Every Adaptive Card in the open chat, oldest first. */
  cards(): Locator {
    return this.page.locator(PLAYGROUND_SELECTORS.card);
  }

  /** The newest card whose text includes `text`; waits for it to appear. */
  async waitForCard(text: string | RegExp, timeout = 15_000): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor({ state: 'visible', timeout });
    return card;
  }

  /** Clicks a card's action button by its title (Action.Execute and Action.Submit alike). */
  async clickCardAction(card: Locator, title: string): Promise<void> {
    await card.locator(PLAYGROUND_SELECTORS.cardAction(title)).first().click();
  }

  /** The input a card labels `label` (the Adaptive Card Input's `label`). */
  async cardInput(card: Locator, label: string): Promise<Locator> {
    const labelElement = card.locator(`label${PLAYGROUND_SELECTORS.cardInputLabel}`, { hasText: label }).first();
    const inputId = await labelElement.getAttribute('for');
    if (!inputId) throw new Error(`the card has no input labelled "${label}"`);
    return card.locator(`[id="${inputId}"]`);
  }

  /** Replaces the text of a card's input. */
  async fillCardInput(card: Locator, label: string, text: string): Promise<void> {
    await (await this.cardInput(card, label)).fill(text);
  }

  /** Opens a chat from the left-hand list: "Personal Chat", the group chat or a channel. */
  async openChat(name: string): Promise<void> {
    await this.page.locator(PLAYGROUND_SELECTORS.chatInList(name)).click();
  }

  /** The text of the log panel, to see the status codes the bot answered with. */
  async logPanelText(): Promise<string> {
    return this.page.locator('text=Log Panel').locator('xpath=../..').innerText();
  }
}
