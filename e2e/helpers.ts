import { expect, type Page } from "@playwright/test";

/** The number in a review-page counter such as "새 카드 18". */
export async function countOf(page: Page, testId: "count-new" | "count-learning" | "count-review"): Promise<number> {
  const text = await page.getByTestId(testId).innerText();
  const match = /(\d+)/.exec(text);
  if (!match) throw new Error(`no number in ${testId}: "${text}"`);
  return Number(match[1]);
}

export async function currentCardId(page: Page): Promise<string> {
  const id = await page.getByTestId("review-card").getAttribute("data-card-id");
  if (!id) throw new Error("no card on screen");
  return id;
}

/** Space reveals, the digit grades; waits until the next card (or the summary) is on screen. */
export async function revealAndGrade(page: Page, key: "1" | "2" | "3" | "4"): Promise<string> {
  const cardId = await currentCardId(page);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("answer")).toBeVisible();
  await page.keyboard.press(key);
  await expect(page.locator(`[data-testid=review-card][data-card-id="${cardId}"]`).getByTestId("answer")).toHaveCount(0);
  return cardId;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}
