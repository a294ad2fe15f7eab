import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds nothing serious on the main pages (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto("/");
    expect(await seriousViolations(page), "home, visitor").toEqual([]);
    await page.goto("/sign-up");
    expect(await seriousViolations(page), "sign-up").toEqual([]);
    await page.goto("/start?next=/review");
    await expect(page.getByTestId("review-card")).toBeVisible();
    expect(await seriousViolations(page), "review question").toEqual([]);
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    expect(await seriousViolations(page), "review answer").toEqual([]);
    const cardId = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.keyboard.press("3");
    await page.goto("/");
    expect(await seriousViolations(page), "home, learner").toEqual([]);
    await page.goto("/settings");
    expect(await seriousViolations(page), "settings").toEqual([]);
    await page.goto(`/cards/${cardId}`);
    expect(await seriousViolations(page), "card").toEqual([]);
    await page.goto("/decks/tls-handshake");
    expect(await seriousViolations(page), "deck").toEqual([]);
    await context.close();
  });
}

test("the review page works at 375 px without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/start?next=/review");
  await page.getByRole("button", { name: /정답 보기/ }).tap();
  await expect(page.getByTestId("answer")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const good = page.getByTestId("grade-3");
  const box = await good.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44); // a comfortable touch target
  await good.tap();
  await expect(page.getByTestId("progress-text")).toHaveText(/^1 \//);
  await context.close();
});

test("the language switch changes the UI and is kept per user", async ({ page }) => {
  await page.goto("/start?next=/settings");
  await expect(page.getByRole("heading", { name: "설정" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.goto("/review");
  await expect(page.getByRole("button", { name: /Show answer/ })).toBeVisible();
  // the choice is stored with the account, not only in this browser: a fresh cookie jar with the same session keeps it
  const cookies = (await page.context().cookies()).filter((c) => !c.name.includes("locale"));
  const fresh = await page.context().browser()!.newContext();
  await fresh.addCookies(cookies);
  const other = await fresh.newPage();
  await other.goto("/settings");
  await expect(other.getByRole("heading", { name: "Settings" })).toBeVisible();
  await fresh.close();
});

test("settings reject out-of-range values with a specific message and keep the old ones", async ({ page }) => {
  await page.goto("/start?next=/settings");
  await page.getByLabel("하루 새 카드").fill("5000");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("하루 새 카드 수는 0에서 1000 사이의 정수여야 합니다.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("하루 새 카드")).toHaveValue("20");
  await page.getByLabel("하루 새 카드").fill("7");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toHaveText("저장했습니다.");
  await page.goto("/review");
  await expect(page.getByTestId("count-new")).toHaveText(/7/);
});

test("a new learner's day follows the browser's time zone", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "America/New_York" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByTestId("start-studying").click();
  await expect(page.getByTestId("review-card")).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByLabel("시간대")).toHaveValue("America/New_York");
  await context.close();
});

test("a visitor who switched to English keeps English after starting to study", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("start-studying")).toHaveText("Start now, no sign-up");
  await page.getByTestId("start-studying").click();
  await expect(page.getByRole("button", { name: /Show answer/ })).toBeVisible();
});
