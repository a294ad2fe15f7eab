import { expect, test } from "@playwright/test";
import { countOf, currentCardId, revealAndGrade, uniqueEmail } from "./helpers";

test("a visitor studies without signing up, undoes, signs up keeping the reviews, signs out and in", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("start-studying").click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("review-card")).toBeVisible();

  const newAtStart = await countOf(page, "count-new");
  expect(newAtStart).toBe(20); // the default daily limit

  // think, then reveal: the answer is folded until Space
  await expect(page.getByTestId("answer")).toHaveCount(0);
  const first = await revealAndGrade(page, "3");
  const second = await revealAndGrade(page, "3");
  const third = await revealAndGrade(page, "1");
  expect(new Set([first, second, third]).size).toBe(3);
  await expect(page.getByTestId("progress-text")).toHaveText("3 / 20");

  // U takes back the last answer and shows that card again
  await page.keyboard.press("u");
  await expect(page.getByTestId("review-message")).not.toBeEmpty();
  expect(await currentCardId(page)).toBe(third);
  await expect(page.getByTestId("progress-text")).toHaveText("2 / 20");

  await page.reload();
  await expect(page.getByTestId("review-card")).toBeVisible();
  expect(await countOf(page, "count-new")).toBe(newAtStart - 2);

  // sign up from the anonymous session: the two answers move to the new account
  const email = uniqueEmail("keeper");
  const password = "a-long-password";
  await page.getByRole("link", { name: /가입/ }).first().click();
  await expect(page).toHaveURL(/\/sign-up/);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "가입" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await page.goto("/review");
  expect(await countOf(page, "count-new")).toBe(newAtStart - 2);

  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page.getByRole("link", { name: "로그인" })).toBeVisible();

  await page.getByRole("link", { name: "로그인" }).click();
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill("wrong-password");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await page.goto("/review");
  expect(await countOf(page, "count-new")).toBe(newAtStart - 2);
  await page.goto(`/cards/${first}`);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
  await page.goto(`/cards/${third}`);
  // the undone answer stays in the history, struck through
  await expect(page.getByRole("table").locator("tbody tr.line-through")).toHaveCount(1);
});

test("two tabs on the same card record one answer, and the second tab says so", async ({ browser }) => {
  const context = await browser.newContext();
  const tabA = await context.newPage();
  await tabA.goto("/start?next=/review");
  await expect(tabA.getByTestId("review-card")).toBeVisible();
  const tabB = await context.newPage();
  await tabB.goto("/review");
  const cardId = await currentCardId(tabA);
  expect(await currentCardId(tabB)).toBe(cardId);

  await revealAndGrade(tabA, "3");
  await tabB.keyboard.press("Space");
  await tabB.keyboard.press("4");
  await expect(tabB.getByTestId("review-message")).toContainText("이미 채점된 카드");

  await tabB.goto(`/cards/${cardId}`);
  await expect(tabB.getByRole("table").locator("tbody tr")).toHaveCount(1);
  await context.close();
});
