// `npm run bench:review`: how long "grade a card and fetch the next one" takes on a big collection.
//
// Seeds one learner with 20,000 cards (12,000 of them studied) and 200,000 review-log rows, then times the
// real code path of the review page's grade action (gradeCard, then getStudyQueue for the next card, as
// app/review/actions.ts does) next to a bare indexed SELECT on the same database in the same run.
// Always on PGlite (a fresh temporary folder, never ./data); also on PostgreSQL when DATABASE_URL is set
// (a throw-away database created on that server and dropped at the end). Stops by itself and exits 0.
//
//   BENCH_ITERATIONS=300 BENCH_WARMUP=20   measured / warm-up iterations per database
//   BENCH_SCALE=1                          multiplies the seeded data (0.05 for a quick smoke run)
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { databaseConfigFromEnv, openDatabase, type Database } from "@/lib/server/database";
import { gradeCard } from "@/lib/server/grade-card";
import { applyMigrations } from "@/lib/server/migrate";
import { getStudyQueue, type QueueKind, type StudyQueue } from "@/lib/server/study-queue";

const SCALE = positiveNumber("BENCH_SCALE", 1);
const DECKS = 4;
const CARDS_PER_DECK = Math.max(10, Math.round((20_000 * SCALE) / DECKS));
const STUDIED_PER_DECK = Math.round(CARDS_PER_DECK * 0.6); // 12,000 studied, 8,000 never seen
const STUDIED = STUDIED_PER_DECK * DECKS;
const REVIEW_LOGS = Math.max(STUDIED, Math.round(200_000 * SCALE));
const LOG_BATCH = 25_000;
const WARMUP = Math.floor(positiveNumber("BENCH_WARMUP", 20, { allowZero: true }));
const ITERATIONS = Math.floor(positiveNumber("BENCH_ITERATIONS", 300));
/** Per database: the measured loop stops early (and says so) rather than run for ever on a slow machine. */
const TIME_BUDGET_MS = 150_000;

const USER_ID = "bench-user";
interface Timing {
  label: string;
  samples: number[];
}

interface RunResult {
  database: string;
  seedMs: number;
  rows: Timing[]; // [grade + next, gradeCard, getStudyQueue, bare SELECT]
  explain: string;
  logRowsBefore: number;
  logRowsAfter: number;
  grades: number;
  kinds: Record<QueueKind, number>;
  stoppedEarly: string | null;
}

let interrupted = false;
let interruptedAt = 0;
process.on("SIGINT", () => {
  // One Ctrl-C reaches this process several times (from the terminal, and relayed by npm and tsx): only a
  // second press, a moment later, quits at once without cleaning up.
  if (interrupted) {
    if (Date.now() - interruptedAt > 1_000) process.exit(130);
    return;
  }
  interrupted = true;
  interruptedAt = Date.now();
  console.error("\nInterrupted: finishing the current step, then cleaning up (Ctrl-C again to quit at once).");
});

function positiveNumber(name: string, fallback: number, { allowZero = false } = {}): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new Error(`${name} must be a ${allowZero ? "non-negative" : "positive"} number (got "${raw}")`);
  }
  return value;
}

// ---------------------------------------------------------------- seeding

/** A `timestamp` literal for a JS instant: the columns are `timestamp(3)` holding UTC, as Prisma writes them. */
const ts = (instant: Date) => `TIMESTAMP '${instant.toISOString().replace("T", " ").replace("Z", "")}'`;
/** The JSON spelling of a timestamp in a CardSnapshot (`Date.toISOString()`). */
const iso = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function cardIdExpr(deck: string, position: string) {
  return `'bench-deck-' || (${deck}) || '-' || (${position})`;
}

/** The studied card number k (0 ≤ k < STUDIED) is the early part of each deck, like a learner going in order. */
const studiedCardId = (k: string) => cardIdExpr(`(${k}) % ${DECKS}`, `(${k}) / ${DECKS}`);

function snapshotJson(state: string, due: string, stability: string, difficulty: string, elapsed: string, scheduled: string, steps: string, reps: string, lapses: string, lastReview: string) {
  return `jsonb_build_object(
      'state', ${state}, 'due', ${iso(due)}, 'stability', ${stability}, 'difficulty', ${difficulty},
      'elapsedDays', ${elapsed}, 'scheduledDays', ${scheduled}, 'learningSteps', ${steps},
      'reps', ${reps}, 'lapses', ${lapses}, 'lastReview', ${lastReview === "NULL" ? "NULL" : iso(lastReview)})`;
}

async function seed(db: Database, now: Date): Promise<void> {
  const NOW = ts(now);
  // One learner whose daily limits never empty the queue mid-run. These are the schema's maximums: a value
  // above them (newPerDay 9999) would fail validation and silently fall back to the default of 20.
  await db.execScript(`
    SELECT setseed(0.2024);
    INSERT INTO "user" (id, name, email, "emailVerified", "isAnonymous", "createdAt", "updatedAt")
      VALUES ('${USER_ID}', 'Bench learner', 'bench@example.test', true, false, ${NOW}, ${NOW});
    INSERT INTO study_settings ("userId", "desiredRetention", "newPerDay", "reviewsPerDay", "timeZone", locale, "updatedAt")
      VALUES ('${USER_ID}', 0.9, 1000, 10000, 'Asia/Seoul', 'en', ${NOW});

    INSERT INTO deck (id, title, description, tags, lang, "sourcePath", "contentHash", "syncedAt")
      SELECT 'bench-deck-' || d, 'Bench deck ' || d, 'Seeded by scripts/bench-review.ts', ARRAY['bench'], 'en',
             'content/bench-deck-' || d || '.md', md5(d::text), ${NOW}
      FROM generate_series(0, ${DECKS - 1}) AS d;

    -- Card text about the size of the real decks' (a few hundred characters of HTML each side).
    INSERT INTO card (id, "deckId", "questionMd", "answerMd", "questionHtml", "answerHtml", tags,
                      "sourceLine", position, "contentHash", "createdAt", "updatedAt")
      SELECT ${cardIdExpr("d", "p")}, 'bench-deck-' || d,
             'Question ' || p || ': what does the client send in the ClientHello, and why?',
             'Answer ' || p || ': ' || repeat('the supported versions, cipher suites and key shares; ', 5),
             '<p>Question ' || p || ': what does the client send in the <code>ClientHello</code>, and why?</p>',
             '<p>Answer ' || p || ': ' || repeat('the supported versions, cipher suites and key shares; ', 5) || '</p>',
             ARRAY['bench', 'level-' || (p % 3 + 1)], p * 6 + 1, p, md5(d || '-' || p), ${NOW}, ${NOW}
      FROM generate_series(0, ${DECKS - 1}) AS d, generate_series(0, ${CARDS_PER_DECK - 1}) AS p;

    -- Studied cards: 1% Learning and 1% Relearning (due from 3 days ago to 1 day ahead, so about 3/4 are due
    -- now), the rest in Review, due from 14 days ago to 120 days ahead (about a tenth overdue).
    INSERT INTO card_state ("userId", "cardId", state, due, stability, difficulty, "elapsedDays", "scheduledDays",
                            "learningSteps", reps, lapses, "lastReview", version, "updatedAt")
      SELECT '${USER_ID}', ${studiedCardId("k")}, state, due, stability, difficulty, scheduled, scheduled,
             steps, reps, lapses, LEAST(due - scheduled * INTERVAL '1 day' - INTERVAL '10 minutes', ${NOW} - INTERVAL '1 hour'),
             reps, ${NOW}
      FROM (
        SELECT k, state,
               CASE WHEN state = 2 THEN ${NOW} + (random() * 134 - 14) * INTERVAL '1 day'
                    ELSE ${NOW} + (random() * 4 - 3) * INTERVAL '1 day' END AS due,
               CASE WHEN state = 2 THEN round((1 + random() * 200)::numeric, 4)::float8
                    ELSE round((0.4 + random() * 3)::numeric, 4)::float8 END AS stability,
               round((1 + random() * 9)::numeric, 4)::float8 AS difficulty,
               CASE WHEN state = 2 THEN 1 + floor(random() * 180)::int ELSE 0 END AS scheduled,
               CASE WHEN state = 1 THEN floor(random() * 2)::int ELSE 0 END AS steps,
               CASE WHEN state = 1 THEN 1 ELSE 2 + floor(random() * 30)::int END AS reps,
               CASE WHEN state = 3 THEN 1 + floor(random() * 4)::int
                    WHEN state = 2 THEN floor(random() * 3)::int ELSE 0 END AS lapses
        FROM (SELECT k, CASE k % 100 WHEN 0 THEN 1 WHEN 1 THEN 3 ELSE 2 END AS state
              FROM generate_series(0, ${STUDIED - 1}) AS k) AS picked
      ) AS s;
  `);

  // The review log: answers spread over the studied cards and the past year (a few hundred of them today,
  // which the queue's "answered today" counts read). Inserted in batches to bound memory.
  for (let first = 0; first < REVIEW_LOGS; first += LOG_BATCH) {
    const last = Math.min(REVIEW_LOGS, first + LOG_BATCH) - 1;
    await db.execScript(`
      INSERT INTO review_log (id, "userId", "cardId", rating, "previousState", "reviewedAt", "elapsedDays",
                              "scheduledDays", "durationMs", "stateBefore", "stateAfter", "undoneAt")
        SELECT gen_random_uuid()::text, '${USER_ID}', ${studiedCardId(`i % ${STUDIED}`)}, rating, before_state,
               at, elapsed, scheduled, 1500 + floor(random() * 20000)::int,
               ${snapshotJson("before_state", "at", "stability", "difficulty", "elapsed", "elapsed", "0", "reps", "lapses", "CASE WHEN before_state = 0 THEN NULL ELSE at - elapsed * INTERVAL '1 day' END")},
               ${snapshotJson("after_state", "at + scheduled * INTERVAL '1 day' + INTERVAL '10 minutes'", "stability * 1.5", "difficulty", "elapsed", "scheduled", "0", "reps + 1", "lapses", "at")},
               CASE WHEN random() < 0.002 THEN at + INTERVAL '5 seconds' END
        FROM (
          SELECT i, at, rating, before_state,
                 CASE WHEN rating = 1 AND before_state = 2 THEN 3 WHEN rating = 1 THEN 1 ELSE 2 END AS after_state,
                 CASE WHEN before_state = 0 THEN 0 ELSE floor(random() * 120)::int END AS elapsed,
                 CASE WHEN rating = 1 THEN 0 ELSE 1 + floor(random() * 180)::int END AS scheduled,
                 round((0.5 + random() * 150)::numeric, 4)::float8 AS stability,
                 round((1 + random() * 9)::numeric, 4)::float8 AS difficulty,
                 i / ${STUDIED} AS reps, floor(random() * 3)::int AS lapses
          FROM (
            SELECT i, ${NOW} - random() * INTERVAL '365 days' AS at,
                   CASE WHEN r < 0.10 THEN 1 WHEN r < 0.22 THEN 2 WHEN r < 0.92 THEN 3 ELSE 4 END AS rating,
                   CASE WHEN i < ${STUDIED} THEN 0 WHEN s < 0.85 THEN 2 WHEN s < 0.93 THEN 1 ELSE 3 END AS before_state
            FROM (SELECT i, random() AS r, random() AS s FROM generate_series(${first}, ${last}) AS i) AS raw
          ) AS drawn
        ) AS l;
    `);
  }
  // Statistics (and, on PostgreSQL, the visibility map) as a live database would have them.
  for (const table of ["card", "card_state", "review_log", "deck", "study_settings", '"user"']) {
    await db.query(`VACUUM ANALYZE ${table}`);
  }
}

// ---------------------------------------------------------------- measuring

/** Deterministic answers: mostly Good, some Again, Hard and Easy (a typical learner's mix). */
function answerStream(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return () => {
    const r = next();
    const rating = r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.9 ? 3 : 4;
    return { rating, durationMs: 2_000 + Math.floor(next() * 12_000) };
  };
}

const BARE_SELECT = `SELECT * FROM card_state WHERE "userId" = $1 AND state = 2 AND due < $2 ORDER BY due LIMIT 1`;

async function countLogs(db: Database): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM review_log WHERE "userId" = $1`, [USER_ID]);
  return Number(row.n);
}

async function explainBareSelect(db: Database, dueBefore: string): Promise<string> {
  const plan = await db.query<{ "QUERY PLAN": string }>(
    `EXPLAIN ${BARE_SELECT.replace("$1", `'${USER_ID}'`).replace("$2", `'${dueBefore}'`)}`,
  );
  return plan
    .map((row) => row["QUERY PLAN"].trim().replace(/^->\s*/, ""))
    .map((line) => line.replace(/\s+\(cost=.*$/, ""))
    .filter((line) => !/^(Index Cond|Filter|Sort Key):/.test(line))
    .join(" -> ");
}

async function measure(db: Database, database: string, seedMs: number): Promise<RunResult> {
  const { prisma } = db;
  const answer = answerStream(42);
  const gradeAndNext: number[] = [];
  const gradeOnly: number[] = [];
  const nextOnly: number[] = [];
  const bare: number[] = [];
  const kinds: Record<QueueKind, number> = { learning: 0, review: 0, new: 0 };
  let stoppedEarly: string | null = null;

  const logRowsBefore = await countLogs(db);
  let queue: StudyQueue = await getStudyQueue(prisma, USER_ID); // the review page's first card, untimed
  let grades = 0;
  const started = performance.now();
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    if (interrupted) {
      stoppedEarly = "interrupted";
      break;
    }
    if (performance.now() - started > TIME_BUDGET_MS) {
      stoppedEarly = `time budget of ${TIME_BUDGET_MS / 1000}s reached`;
      break;
    }
    const card = queue.card;
    if (!card) {
      stoppedEarly = "the queue ran empty";
      break;
    }
    const { rating, durationMs } = answer();

    // What the grade action does (app/review/actions.ts): record the answer, then fetch the next card.
    const t0 = performance.now();
    const result = await gradeCard(prisma, USER_ID, { cardId: card.cardId, rating, expectedVersion: card.version, durationMs });
    const t1 = performance.now();
    if (!result.ok) throw new Error(`gradeCard failed on ${card.cardId}: ${result.code}: ${result.message}`);
    queue = await getStudyQueue(prisma, USER_ID, { excludeCardId: card.cardId });
    const t2 = performance.now();
    grades += 1;

    // The baseline, on the same database, in the same conditions: one indexed lookup of the next due review.
    const dueBefore = new Date().toISOString();
    const t3 = performance.now();
    await db.query(BARE_SELECT, [USER_ID, dueBefore]);
    const t4 = performance.now();

    if (i < WARMUP) continue;
    kinds[card.kind] += 1;
    gradeAndNext.push(t2 - t0);
    gradeOnly.push(t1 - t0);
    nextOnly.push(t2 - t1);
    bare.push(t4 - t3);
  }

  return {
    database,
    seedMs,
    rows: [
      { label: "grade + fetch next", samples: gradeAndNext },
      { label: "  of which gradeCard", samples: gradeOnly },
      { label: "  of which getStudyQueue", samples: nextOnly },
      { label: "bare indexed SELECT", samples: bare },
    ],
    explain: await explainBareSelect(db, new Date().toISOString()),
    logRowsBefore,
    logRowsAfter: await countLogs(db),
    grades,
    kinds,
    stoppedEarly,
  };
}

// ---------------------------------------------------------------- reporting

function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q; // linear interpolation between closest ranks
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(2));
const count = (value: number) => value.toLocaleString("en-US");

function formatTable(results: RunResult[]): string {
  const header = ["database", "operation", "n", "median ms", "p95 ms", "× SELECT (median)", "× SELECT (p95)"];
  const lines: string[][] = [];
  for (const result of results) {
    const baseline = result.rows[result.rows.length - 1].samples;
    const baseMedian = quantile(baseline, 0.5);
    const baseP95 = quantile(baseline, 0.95);
    for (const row of result.rows) {
      const median = quantile(row.samples, 0.5);
      const p95 = quantile(row.samples, 0.95);
      lines.push([
        result.database,
        row.label,
        String(row.samples.length),
        ms(median),
        ms(p95),
        `${(median / baseMedian).toFixed(1)}×`,
        `${(p95 / baseP95).toFixed(1)}×`,
      ]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c].length)));
  const render = (cells: string[]) =>
    cells.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(render)].join("\n");
}

function reportRun(result: RunResult): void {
  const grew = result.logRowsAfter - result.logRowsBefore;
  const measured = result.rows[0].samples.length;
  const ok = grew === result.grades;
  console.log(`  bare SELECT plan: ${result.explain}`);
  console.log(
    `  cards shown in the measured iterations: ${result.kinds.learning} learning, ${result.kinds.review} review, ${result.kinds.new} new`,
  );
  console.log(
    `  sanity: review_log rows ${count(result.logRowsBefore)} -> ${count(result.logRowsAfter)} (+${count(grew)}), ` +
      `grades recorded ${count(result.grades)} (${result.grades - measured} warm-up + ${measured} measured): ` +
      (ok ? "match" : "MISMATCH"),
  );
  if (result.stoppedEarly) console.log(`  note: stopped early (${result.stoppedEarly})`);
  if (!ok) process.exitCode = 1;
}

// ---------------------------------------------------------------- the two databases

async function seedAndMeasure(db: Database, database: string, describe: string): Promise<RunResult> {
  const [{ version }] = await db.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
  console.log(`\n== ${database} (PostgreSQL ${version}, ${describe})`);
  const now = new Date();
  const t0 = performance.now();
  await seed(db, now);
  const seedMs = performance.now() - t0;
  const [size] = await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
  console.log(
    `  seeded 1 user, ${DECKS} decks, ${count(DECKS * CARDS_PER_DECK)} cards (${count(STUDIED)} with card_state), ` +
      `${count(REVIEW_LOGS)} review_log rows in ${(seedMs / 1000).toFixed(1)} s (incl. VACUUM ANALYZE); database ${size.size}`,
  );
  console.log(`  measuring ${WARMUP} warm-up + ${ITERATIONS} iterations ...`);
  const result = await measure(db, database, seedMs);
  reportRun(result);
  return result;
}

const PGLITE_FOLDER_PREFIX = "netcards-bench-";
const POSTGRES_DATABASE_PREFIX = "netcards_bench_";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes what an earlier run could not: Ctrl-C while PGlite is busy lets tsx kill this process outright
 * (its signal relay gives the child 30 ms to answer, and PGlite runs queries on the main thread).
 * A folder is a leftover when the process named in its lock file is gone.
 */
async function removeLeftoverPGliteFolders(): Promise<void> {
  const tmp = os.tmpdir();
  for (const name of await readdir(tmp).catch(() => [] as string[])) {
    if (!name.startsWith(PGLITE_FOLDER_PREFIX)) continue;
    const folder = path.join(tmp, name);
    const pid = Number((await readFile(path.join(folder, "pglite.lock"), "utf8").catch(() => "")).trim());
    const age = Date.now() - (await stat(folder).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (Number.isInteger(pid) && pid > 0 ? !isAlive(pid) : age > 10 * 60_000) {
      await rm(folder, { recursive: true, force: true });
      console.log(`  (removed ${folder}, left by an interrupted run)`);
    }
  }
}

async function runPGlite(): Promise<RunResult> {
  await removeLeftoverPGliteFolders();
  const folder = await mkdtemp(path.join(os.tmpdir(), PGLITE_FOLDER_PREFIX));
  try {
    const db = await openDatabase({ kind: "pglite", dataDir: path.join(folder, "pglite") });
    try {
      await applyMigrations(db);
      return await seedAndMeasure(db, "PGlite", `embedded, in ${folder}`);
    } finally {
      await db.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function runPostgres(serverUrl: string): Promise<RunResult> {
  const name = `${POSTGRES_DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
  const admin = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  // Databases of earlier runs that were killed before dropping theirs; one nobody is connected to is a leftover.
  const leftovers = await admin<{ datname: string }>(
    `SELECT datname FROM pg_database d
      WHERE starts_with(datname, $1) AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)`,
    [POSTGRES_DATABASE_PREFIX],
  );
  for (const { datname } of leftovers) {
    const dropped = await admin(`DROP DATABASE IF EXISTS "${datname.replace(/"/g, '""')}"`).then(
      () => true,
      () => false, // someone connected meanwhile: not a leftover after all
    );
    if (dropped) console.log(`  (dropped database ${datname}, left by an interrupted run)`);
  }
  await admin(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: "postgres", url: url.toString() });
    try {
      await applyMigrations(db);
      return await seedAndMeasure(db, "PostgreSQL", `throw-away database ${name} on ${url.host}`);
    } finally {
      await db.close();
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const config = databaseConfigFromEnv(); // validates DATABASE_URL; PGlite's ./data folder is never used here
  console.log(
    `bench:review: node ${process.version}, ${os.cpus().length} CPU(s); ` +
      `${count(DECKS * CARDS_PER_DECK)} cards, ${count(REVIEW_LOGS)} review_log rows; ${WARMUP} warm-up + ${ITERATIONS} measured iterations`,
  );
  const results: RunResult[] = [await runPGlite()];
  if (config.kind !== "postgres") console.log("\n(DATABASE_URL is not set: PostgreSQL skipped.)");
  else if (!interrupted) {
    try {
      results.push(await runPostgres(config.url));
    } catch (error) {
      // Still print PGlite's table below; the run as a whole fails.
      console.error(`\nPostgreSQL run failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }

  console.log(`\n${formatTable(results)}`);
  console.log(`\nseeding: ${results.map((r) => `${r.database} ${(r.seedMs / 1000).toFixed(1)} s`).join(", ")}`);
  console.log(
    "\n'grade + fetch next' is gradeCard followed by getStudyQueue(excludeCardId), as the review page's grade action does;" +
      "\nthe bare SELECT is one indexed lookup of the next due review (card_state_userId_state_due_idx). Times are wall-clock per call.",
  );
  if (interrupted) process.exitCode = 130;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
