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
 *                     "Your response was sent to the app" under it. The click is a POST to
 *                     /_conversation/v1/invoke whose response is the bot's invoke response.
 *   a compact choice  a compact Input.ChoiceSet is a Fluent combobox, input[role="combobox"] named by
 *                     its label; its options are [role="option"] in a popup outside the card
 *   a link action     Action.OpenUrl is a button[role="link"] whose aria-label is the action's
 *                     title and whose `title` is the URL; clicking calls window.open(url), which
 *                     `recordOpenedUrls()` captures
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
  /** An Action.OpenUrl: a button with role="link", the action's title as aria-label and the URL as title. */
  cardLink: (title: string) => `.ac-actionSet button[role="link"][aria-label="${title}"]`,
  cardInputLabel: '.ac-richTextBlock',
  chatInList: (name: string) => `[role="treeitem"][aria-label="${name}"]`,
  /** Where the page POSTs an Action.Execute; the HTTP response carries the bot's invoke response. */
  invokePath: '/_conversation/v1/invoke',
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

  /**
   * Clicks a card's Action.Execute and resolves once the bot has answered and the answer is drawn.
   * The playground draws the new card twice: first from the bot's update of the message, then
   * again from the invoke response, with fresh inputs; text typed in between is lost. So this
   * waits for the invoke's HTTP response, then for two frames so its render has happened.
   */
  async executeCardAction(card: Locator, title: string): Promise<void> {
    const answered = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === PLAYGROUND_SELECTORS.invokePath,
      { timeout: 15_000 },
    );
    await this.clickCardAction(card, title);
    const response = await answered;
    if (!response.ok()) throw new Error(`the bot answered "${title}" with HTTP ${response.status()}`);
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /** The input a card labels `label` (the Adaptive Card Input's `label`). */
  async cardInput(card: Locator, label: string): Promise<Locator> {
    const labelElement = card.locator(`label${PLAYGROUND_SELECTORS.cardInputLabel}`, { hasText: label }).first();
    const inputId = await labelElement.getAttribute('for');
    if (!inputId) throw new Error(`the card has no input labelled "${label}"`);
    return card.locator(`[id="${inputId}"]`);
  }

  /**
   * The input a card labels `label`, found afresh on every use: the renderer gives inputs new ids
   * when the card re-renders (choosing in a combobox does), so an id taken earlier goes stale.
   */
  cardField(card: Locator, label: string): Locator {
    return card
      .locator(`label${PLAYGROUND_SELECTORS.cardInputLabel}`, { hasText: label })
      .locator('xpath=..')
      .locator('.ac-input-container textarea, .ac-input-container input');
  }

  /** Replaces the text of a card's input. */
  async fillCardInput(card: Locator, label: string, text: string): Promise<void> {
    await (await this.cardInput(card, label)).fill(text);
  }

  /** Opens a chat from the left-hand list: "Personal Chat", the group chat or a channel. */
  async openChat(name: string): Promise<void> {
    await this.page.locator(PLAYGROUND_SELECTORS.chatInList(name)).click();
  }

  /** The Adaptive Card of the `index`-th message (0 = oldest); it stays put when an Action.Execute replaces the card in place. */
  cardOfMessage(index: number): Locator {
    return this.messages().nth(index).locator(PLAYGROUND_SELECTORS.card);
  }

  /** The index of the newest message whose card includes every one of `texts`; waits for it. */
  async waitForCardMessage(texts: readonly (string | RegExp)[], timeout = 15_000): Promise<number> {
    let card = this.cards();
    for (const text of texts) card = card.filter({ hasText: text });
    await card.last().waitFor({ state: 'visible', timeout });
    const count = await this.messages().count();
    for (let index = count - 1; index >= 0; index -= 1) {
      const message = this.cardOfMessage(index);
      if ((await message.count()) === 1 && (await Promise.all(texts.map((text) => message.filter({ hasText: text }).count()))).every((n) => n === 1)) return index;
    }
    throw new Error(`no message holds a card with ${texts.join(' + ')}`);
  }

  /**
   * Picks `title` in a compact Input.ChoiceSet, which the playground renders as a Fluent combobox
   * whose options open in a popup outside the card; resolves once the box shows the choice.
   */
  async chooseOption(combobox: Locator, title: string): Promise<void> {
    await combobox.click();
    await this.page.getByRole('option', { name: title, exact: true }).click();
    const handle = await combobox.elementHandle();
    await this.page.waitForFunction(
      ([element, expected]) => (element as HTMLInputElement | null)?.value === expected,
      [handle, title] as const,
      { timeout: 5_000 },
    );
  }

  /**
   * From now on, URLs the page opens (an Action.OpenUrl calls `window.open`) are recorded instead
   * of opened, so a test can read where a card's link goes. Call before `open()`.
   */
  async recordOpenedUrls(): Promise<void> {
    await this.page.addInitScript(() => {
      const opened: string[] = [];
      Object.defineProperty(window, 'tassOpenedUrls', { value: opened });
      window.open = (url?: string | URL) => {
        opened.push(String(url));
        return null;
      };
    });
  }

  /** The URLs recorded since `recordOpenedUrls()`, oldest first. */
  async openedUrls(): Promise<string[]> {
    return this.page.evaluate(() => [...((window as unknown as { tassOpenedUrls?: string[] }).tassOpenedUrls ?? [])]);
  }

  /** Clicks a card's Action.OpenUrl and resolves to the URL it opened. */
  async openCardLink(card: Locator, title: string): Promise<string> {
    const before = (await this.openedUrls()).length;
    await card.locator(PLAYGROUND_SELECTORS.cardLink(title)).first().click();
    await this.page.waitForFunction(
      (count) => ((window as unknown as { tassOpenedUrls?: string[] }).tassOpenedUrls ?? []).length > count,
      before,
      { timeout: 5_000 },
    );
    return (await this.openedUrls())[before];
  }

  /** The text of the log panel, to see the status codes the bot answered with. */
  async logPanelText(): Promise<string> {
    return this.page.locator('text=Log Panel').locator('xpath=../..').innerText();
  }
}
