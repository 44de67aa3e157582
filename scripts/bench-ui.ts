// `tsx scripts/bench-ui.ts`: how the UI feels, measured in Debian's Chromium through the web host.
//   first meaningful paint  navigation start → the item list's first row painted (real plan, 5 loads)
//   item switch             Enter (after ↓) or a click on a row → the item painted (real and 100× plan)
//   search keystroke        a key (or an IME character) in the search box → the next frame, while
//                           search-as-you-type runs on the 100× synthetic plan (5,600 items)
//   search by reading       a kana query (にんちしょう) typed → its results painted, on the 100× plan
//   change list             a click on 変更一覧 → its first rows painted, over 10,000 revisions
// Prints a table with the targets: first paint ≤ 1.5 s; item switch ≤ 50 ms; keystroke ≤ one frame.
// (Functions sent into the page declare no named inner functions: tsx would wrap them in a helper
// that does not exist in the page.)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openService } from '../src/main/api/service';
import { makeSyntheticPlan } from '../src/main/bench/synthetic';
import { SEARCH_DEBOUNCE_MS } from '../src/renderer/src/state/search-timing';
import { listItems, writeField } from '../src/main/store/plan-store';
import { buildIfStale, startHost, tempDb, type Host } from '../tests/e2e/host';

const FRAME = 1000 / 60;
type Row = [string, string, string, string];
const rows: Row[] = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;

function stats(values: number[]): { median: number; p95: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0 };
}

async function newPage(browser: Browser): Promise<{ page: Page; offsite: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  return { page, offsite };
}

/** Load the app and return ms from navigation start to the first list row painted, and FCP. */
async function firstPaint(browser: Browser, host: Host): Promise<{ fmp: number; fcp: number }> {
  const { page } = await newPage(browser);
  await page.addInitScript(() => {
    const w = window as unknown as { __fmp?: number };
    const obs = new MutationObserver(() => {
      if (!document.querySelector('[role="listbox"] [role="option"]')) return;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.__fmp = performance.now()), 0));
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  await page.goto(host.url);
  await page.waitForFunction(() => (window as unknown as { __fmp?: number }).__fmp !== undefined, null, { timeout: 30_000 });
  const result = await page.evaluate(() => ({
    fmp: (window as unknown as { __fmp: number }).__fmp,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
  await page.context().close();
  return result;
}

/** Arm a watcher: from the next `trigger` event to the frame after the item `key` is shown. */
async function armSwitch(page: Page, key: string, trigger: 'keydown' | 'mousedown'): Promise<void> {
  await page.evaluate(
    ([key, trigger]) => {
      const w = window as unknown as { __switch?: Promise<number> };
      w.__switch = new Promise<number>((resolve) => {
        let t0 = 0;
        window.addEventListener(trigger, (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const obs = new MutationObserver(() => {
          const shown =
            document.querySelector('.breadcrumb [aria-current="page"] .item-key')?.textContent === key &&
            document.querySelector('.compare-columns, .empty-field') !== null;
          if (!shown) return;
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    [key, trigger] as const,
  );
}

const switched = (page: Page, key: string) =>
  page.evaluate(
    (key) =>
      Promise.race([
        (window as unknown as { __switch: Promise<number> }).__switch,
        new Promise<number>((_, reject) =>
          setTimeout(
            () =>
              reject(
                new Error(
                  `item ${key} did not appear within 5 s (shown: ${document.querySelector('.breadcrumb [aria-current="page"]')?.textContent})`,
                ),
              ),
            5000,
          ),
        ),
      ]),
    key,
  );

async function openList(browser: Browser, host: Host) {
  const { page, offsite } = await newPage(browser);
  await page.goto(host.url);
  const list = page.getByRole('listbox', { name: '小項目の一覧' });
  await list.waitFor();
  const keys = await page.evaluate(async () => {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-council-token': sessionStorage.getItem('council-desk-token') ?? '' },
      body: JSON.stringify({ method: 'items.list', args: {} }),
    });
    return ((await res.json()) as { result: { key: string }[] }).result.map((it) => it.key);
  });
  const done = async () => {
    if (offsite.length) throw new Error(`requests left the machine: ${offsite.join(', ')}`);
    await page.context().close();
  };
  return { page, list, keys, done };
}

/** Keyboard, as a reader goes through the list: Esc (back to the list), ↓ (which warms the next item), Enter. */
async function switchByKeyboard(browser: Browser, host: Host): Promise<number[]> {
  const { page, list, keys, done } = await openList(browser, host);
  await list.focus();
  await page.keyboard.press('Enter');
  await page.locator('#item-title').waitFor();
  const times: number[] = [];
  for (let i = 1; i <= 30 && i < keys.length; i++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(60);
    await armSwitch(page, keys[i]!, 'keydown');
    await page.keyboard.press('Enter');
    times.push(await switched(page, keys[i]!));
  }
  await done();
  return times;
}

/**
 * Mouse, on a fresh page: a click on a row further down, right after scrolling to it (nothing fetched
 * yet), or after a pause (the rows in view are fetched ahead while the reader looks at them).
 */
async function switchByClick(browser: Browser, host: Host, pause: number): Promise<number[]> {
  const { page, list, keys, done } = await openList(browser, host);
  const times: number[] = [];
  const step = Math.max(1, Math.floor((keys.length - 12) / 10));
  for (let i = 12; i < keys.length && times.length < 10; i += step) {
    const key = keys[i]!;
    await list.evaluate((el, top) => (el.scrollTop = top), (i - 3) * 84);
    const row = page.locator(`[id="item-${key}"]`);
    await row.waitFor();
    if (pause) await page.waitForTimeout(pause);
    await armSwitch(page, key, 'mousedown');
    await row.click();
    times.push(await switched(page, key));
  }
  await done();
  return times;
}

async function itemSwitch(browser: Browser, host: Host, label: string): Promise<void> {
  process.stderr.write(`item switch (${label})…\n`);
  const k = stats(await switchByKeyboard(browser, host));
  const atOnce = await switchByClick(browser, host, 0);
  const ahead = await switchByClick(browser, host, 400);
  const c = stats(atOnce);
  const a = stats(ahead);
  rows.push([`item switch, ↓ Enter (${label})`, `${ms(k.median)} (p95 ${ms(k.p95)})`, '≤ 50 ms', '30 switches']);
  rows.push([
    `item switch, click at once after scrolling (${label})`,
    `${ms(c.median)} (p95 ${ms(c.p95)})`,
    '≤ 50 ms',
    `${atOnce.length} switches, item not fetched yet`,
  ]);
  rows.push([
    `item switch, click on a row in view (${label})`,
    `${ms(a.median)} (p95 ${ms(a.p95)})`,
    '≤ 50 ms',
    `${ahead.length} switches, fetched ahead`,
  ]);
}

/**
 * The list shown and the start-up reads done (the facets take seconds at 100×): a search typed
 * meanwhile waits behind them on the API, which is the start-up's cost, not the search's.
 */
async function startUpDone(page: Page): Promise<void> {
  await page.getByRole('listbox', { name: '小項目の一覧' }).waitFor();
  await page.locator('.quality-badge').first().waitFor({ timeout: 120_000 });
}

/**
 * Arm a watcher in the page, before the query is typed: the frame after 「q」の検索結果 is shown is
 * recorded there, so the figure holds no round trip between this script and the page (waiting for
 * the text from here and reading the clock afterwards added tens of ms under load).
 */
async function armResults(page: Page, q: string): Promise<void> {
  await page.evaluate((q) => {
    const w = window as unknown as { __painted?: Promise<number> };
    w.__painted = new Promise<number>((resolve) => {
      const obs = new MutationObserver(() => {
        const shown = [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.includes(`「${q}」の検索結果`));
        if (!shown) return;
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, q);
}

/** The page's time of the frame after the armed results were shown. */
const resultsPainted = (page: Page) =>
  page.evaluate(() =>
    Promise.race([
      (window as unknown as { __painted: Promise<number> }).__painted,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no search results within 10 s')), 10_000)),
    ]),
  );

/** Keystroke → next frame in the search box, while search-as-you-type runs. */
async function searchKeystrokes(browser: Browser, host: Host, label: string): Promise<void> {
  process.stderr.write(`search keystrokes (${label})…\n`);
  const { page, offsite } = await newPage(browser);
  await page.goto(host.url);
  await startUpDone(page);
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __events: number[]; __lastInput: number };
    w.__keys = [];
    w.__events = [];
    window.addEventListener('input', (e) => (w.__lastInput = e.timeStamp), { capture: true });
    // Each input: from the event (key press or IME commit) to the next frame and the paint after it.
    window.addEventListener(
      'input',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
    // Event Timing: from the key to the paint after it was handled (8 ms steps; 16 is the floor).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (['keydown', 'keypress', 'keyup', 'input', 'beforeinput'].includes(e.name)) w.__events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  const box = page.getByRole('searchbox', { name: '計画を検索' });
  await box.focus();
  const queries = ['amed', 'データ基盤', '認知症', 'がん', '課題', 'rwd'];
  const resultTimes: number[] = [];
  for (const q of queries) {
    // Typed at a brisk human pace; the results for the full query must then appear.
    await armResults(page, q);
    for (const ch of q) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(45);
    }
    const painted = await resultsPainted(page);
    resultTimes.push(painted - (await page.evaluate(() => (window as unknown as { __lastInput: number }).__lastInput)));
    await box.fill('');
    await page.waitForTimeout(150);
  }
  // And a burst with no pause between keys.
  await page.keyboard.type('データ利活用の推進', { delay: 0 });
  await page.waitForTimeout(500);
  const { keys, events } = await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __events: number[] };
    return { keys: w.__keys, events: w.__events };
  });
  const overTwoFrames = events.filter((d) => d > 2 * FRAME).length;
  const s = stats(keys);
  rows.push([
    `search keystroke → next frame (${label})`,
    `${ms(s.median)} (p95 ${ms(s.p95)}, max ${ms(s.max)})`,
    `≤ ${ms(FRAME)}`,
    `${keys.length} inputs; Event Timing max ${ms(Math.max(0, ...events))}, ${overTwoFrames} key events > 2 frames`,
  ]);
  const r = stats(resultTimes);
  rows.push([
    `search results after the last key (${label})`,
    `${ms(r.median)} (max ${ms(r.max)})`,
    '',
    `last input → results painted: debounce ${SEARCH_DEBOUNCE_MS} ms + API + render`,
  ]);
  if (offsite.length) throw new Error(`requests left the machine: ${offsite.join(', ')}`);
  await page.context().close();
}

/**
 * Search by reading on the 100× plan: a kana query typed key by key (no IME: the characters arrive as
 * typed text), and from the input event of the last key to the results painted. The search box waits
 * SEARCH_DEBOUNCE_MS after a key before it asks; the figure after that wait is what the target is for. Where
 * the rest goes is split by the search request's own times: the wait before it was sent, the request
 * (HTTP and the search itself), and from its answer to the results painted (parse, state, render).
 */
async function readingSearch(browser: Browser, host: Host, label: string): Promise<void> {
  process.stderr.write(`search by reading (${label})…\n`);
  const { page, offsite } = await newPage(browser);
  await page.goto(host.url);
  await startUpDone(page);
  const box = page.getByRole('searchbox', { name: '計画を検索' });
  await box.focus();
  const queries = ['にんちしょう', 'げのむ', 'いりょうでぃーえっくす', 'でーたきばん', 'ばいおばんく', 'げのん'];
  type Split = { total: number; wait: number; request: number; render: number };
  const splits: Split[] = [];
  await page.evaluate(() => {
    const w = window as unknown as { __lastInput: number; __searches: { start: number; end: number }[] };
    w.__searches = [];
    window.addEventListener('input', (e) => (w.__lastInput = e.timeStamp), { capture: true });
    // The search requests' times (sent → answer read), the page's own fetch wrapped.
    const fetchOf = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const isSearch = typeof init?.body === 'string' && init.body.startsWith('{"method":"search"');
      const start = performance.now();
      const answer = fetchOf(input, init);
      if (!isSearch) return answer;
      return answer.then((res) => {
        const json = res.json.bind(res);
        res.json = () =>
          json().then((body: unknown) => {
            w.__searches.push({ start, end: performance.now() });
            return body;
          });
        return res;
      });
    };
  });
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      await armResults(page, q);
      for (const ch of q) {
        await page.keyboard.type(ch);
        await page.waitForTimeout(30);
      }
      const painted = await resultsPainted(page);
      splits.push(
        await page.evaluate((painted) => {
          const w = window as unknown as { __lastInput: number; __searches: { start: number; end: number }[] };
          const last = w.__searches.filter((r) => r.start >= w.__lastInput).at(-1) ?? { start: NaN, end: NaN };
          return {
            total: painted - w.__lastInput,
            wait: last.start - w.__lastInput,
            request: last.end - last.start,
            render: painted - last.end,
          };
        }, painted),
      );
      await box.fill('');
      await page.waitForTimeout(150);
    }
  }
  const pick = (f: (s: Split) => number) => stats(splits.map(f));
  const after = pick((t) => Math.max(0, t.total - SEARCH_DEBOUNCE_MS));
  const total = pick((t) => t.total);
  rows.push([
    `search by reading: last key → results, after the ${SEARCH_DEBOUNCE_MS} ms debounce (${label})`,
    `${ms(after.median)} (p95 ${ms(after.p95)})`,
    '≤ 50 ms',
    `${splits.length} queries; 「もしかして」 is asked after the results are shown`,
  ]);
  rows.push([
    `  the same including the debounce`,
    `${ms(total.median)} (max ${ms(total.max)})`,
    '',
    'measured in the page, to the next frame',
  ]);
  rows.push([
    `  where it goes (medians)`,
    `wait ${ms(pick((t) => t.wait).median)}, request ${ms(pick((t) => t.request).median)}, answer → paint ${ms(pick((t) => t.render).median)}`,
    '',
    'wait = debounce and timers; request = HTTP + search; answer → paint = state, render, next frame',
  ]);
  if (offsite.length) throw new Error(`requests left the machine: ${offsite.join(', ')}`);
  await page.context().close();
}

/** The overview of future directions on a large plan: time to the table, and the longest task meanwhile. */
async function overview(browser: Browser, host: Host, label: string): Promise<void> {
  process.stderr.write(`overview (${label})…\n`);
  const { page, done } = await openList(browser, host);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t = Date.now();
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '今後の方向性の概観' }).click();
  await page.getByRole('table').waitFor({ timeout: 120_000 });
  const elapsed = Date.now() - t;
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
  rows.push([`overview of future directions (${label})`, ms(elapsed), '', `longest task meanwhile ${ms(longest)}`]);
  await done();
}

/**
 * The dashboard on a large plan, five times (the first open of a page load; the item facets the list
 * loads at start are then ready): from the click on ダッシュボード to its numbers painted (first paint:
 * the charts' library loads after them) and to every chart drawn; and the longest API call meanwhile
 * (the figures, computed on the main side).
 */
async function dashboardPaint(browser: Browser, host: Host, label: string): Promise<void> {
  process.stderr.write(`dashboard (${label})…\n`);
  const numbers: number[] = [];
  const charts: number[] = [];
  const calls: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { page, done } = await openList(browser, host);
    await page.locator('.quality-badge').first().waitFor({ timeout: 120_000 }); // facets loaded
    await page.evaluate(() => {
      const w = window as unknown as { __dash?: Promise<{ numbers: number; charts: number; call: number; longest: number }> };
      w.__dash = new Promise((resolve) => {
        let t0 = 0;
        let numbersAt = 0;
        let longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.startTime >= t0) longest = Math.max(longest, e.duration);
        }).observe({ type: 'longtask' });
        window.addEventListener('mousedown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const obs = new MutationObserver(() => {
          if (numbersAt === 0 && document.querySelector('.dashboard .bar-row')) {
            numbersAt = -1;
            requestAnimationFrame(() => setTimeout(() => (numbersAt = performance.now() - t0), 0));
          }
          const boxes = document.querySelectorAll('.dashboard .chart-canvas');
          if (boxes.length === 0 || document.querySelectorAll('.dashboard .chart-canvas canvas').length < boxes.length) return;
          obs.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const apiCalls = performance
                .getEntriesByType('resource')
                .filter((r) => r.name.includes('/api/') && r.startTime >= t0)
                .map((r) => r.duration);
              resolve({ numbers: numbersAt, charts: performance.now() - t0, call: Math.max(0, ...apiCalls), longest });
            }, 0),
          );
        });
        obs.observe(document.body, { childList: true, subtree: true });
      });
    });
    await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: 'ダッシュボード' }).click();
    const r = await page.evaluate(
      () => (window as unknown as { __dash: Promise<{ numbers: number; charts: number; call: number; longest: number }> }).__dash,
    );
    numbers.push(r.numbers);
    charts.push(r.charts);
    calls.push(r.call);
    longest.push(r.longest);
    await done();
  }
  const n = stats(numbers);
  const c = stats(charts);
  rows.push([
    `dashboard first paint (${label})`,
    `${ms(n.median)} (max ${ms(n.max)})`,
    '≤ 1000 ms',
    `click → numbers painted; median of 5; longest API call meanwhile ${ms(stats(calls).median)}`,
  ]);
  rows.push([
    `dashboard charts drawn (${label})`,
    `${ms(c.median)} (max ${ms(c.max)})`,
    '',
    `click → every chart drawn (lazy chunk); median of 5; longest task meanwhile ${ms(stats(longest).median)}`,
  ]);
}

/** The renderer's JavaScript as built: the entry chunk and the lazy ones (the dashboard's chart library), gzipped and minified. */
function bundleSizes(): void {
  const dir = path.join(import.meta.dirname, '..', 'out', 'renderer', 'assets');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const bytes = fs.readFileSync(path.join(dir, name));
    const chunk = name.replace(/-[\w-]{8}\.js$/u, '');
    rows.push([`renderer chunk ${chunk}`, `${kb(zlib.gzipSync(bytes, { level: 9 }).length)} gzip`, '', `${kb(bytes.length)} minified`]);
  }
}

/** A plan with `count` revisions: titles edited in turn across the items, by a few authors, in one transaction. */
function makeRevisions(db: string, count: number): void {
  const svc = openService(db);
  const keys = listItems(svc.db).map((it) => it.key);
  const authors = ['佐藤', '鈴木', '高橋', '事務局'];
  svc.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const key = keys[i % keys.length]!;
      writeField(svc.db, key, 'title', `変更 ${i} による小項目名 ${key}`, { author: authors[i % authors.length]!, source: 'edit' });
    }
  })();
  svc.close();
}

/** The change list over many revisions: from the click on 変更一覧 to its first rows painted, five times. */
async function changeListPaint(browser: Browser, host: Host, label: string): Promise<void> {
  process.stderr.write(`change list (${label})…\n`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { page, done } = await openList(browser, host);
    await page.evaluate(() => {
      const w = window as unknown as { __changes?: Promise<number> };
      w.__changes = new Promise<number>((resolve) => {
        let t0 = 0;
        window.addEventListener('mousedown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
        const obs = new MutationObserver(() => {
          if (!document.querySelector('.changes .change-row')) return;
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        obs.observe(document.body, { childList: true, subtree: true });
      });
    });
    await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '変更一覧' }).click();
    times.push(await page.evaluate(() => (window as unknown as { __changes: Promise<number> }).__changes));
    await done();
  }
  const s = stats(times);
  rows.push([
    `change list first paint (${label})`,
    `${ms(s.median)} (max ${ms(s.max)})`,
    '≤ 500 ms',
    'click → first rows painted; median of 5',
  ]);
}

/** BENCH_ONLY=changes runs only the change list's measure (its setup alone takes a while); BENCH_ONLY=dashboard only the dashboard's; BENCH_ONLY=search only the search measures. */
const only = process.env.BENCH_ONLY;

async function main(): Promise<void> {
  buildIfStale();
  if (only === 'search') return searchOnly();
  bundleSizes();
  const browser = await launch();
  try {
    if (only === 'dashboard') await dashboardOnly(browser);
    else await changesAndTheRest(browser);
  } finally {
    await browser.close();
  }
  printTable();
}

async function changesAndTheRest(browser: Browser): Promise<void> {
  const changesDb = tempDb('bench-changes');
  makeRevisions(changesDb, 10_000);
  process.stdout.write('change list: 10,000 revisions\n');
  const changes = await startHost(changesDb);
  try {
    await changeListPaint(browser, changes, '10,000 revisions');
    if (only !== 'changes') await everyOtherMeasure(browser);
  } finally {
    await changes.close();
  }
}

/** The 100× synthetic plan (5,600 items) in a fresh database. */
function bigPlanDb(): string {
  const bigDb = tempDb('bench-100x');
  const svc = openService(bigDb);
  const made = makeSyntheticPlan(svc.db, 100);
  svc.close();
  process.stdout.write(`synthetic plan: ${made + 56} items\n`);
  return bigDb;
}

async function dashboardOnly(browser: Browser): Promise<void> {
  const big = await startHost(bigPlanDb());
  try {
    await dashboardPaint(browser, big, '100×');
  } finally {
    await big.close();
  }
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

async function searchOnly(): Promise<void> {
  const big = await startHost(bigPlanDb());
  const browser = await launch();
  try {
    await searchKeystrokes(browser, big, '100×');
    await readingSearch(browser, big, '100×');
  } finally {
    await browser.close();
    await big.close();
  }
  printTable();
}

async function everyOtherMeasure(browser: Browser): Promise<void> {
  const realDb = tempDb('bench-real');
  const real = await startHost(realDb);
  const big = await startHost(bigPlanDb());
  try {
    await firstPaint(browser, real); // warm the OS file cache
    const paints = [];
    for (let i = 0; i < 5; i++) paints.push(await firstPaint(browser, real));
    const fmp = stats(paints.map((p) => p.fmp));
    const fcp = stats(paints.map((p) => p.fcp));
    rows.push([
      'first meaningful paint (real plan, 56)',
      `${ms(fmp.median)} (max ${ms(fmp.max)})`,
      '≤ 1500 ms',
      `first contentful paint ${ms(fcp.median)}; median of 5`,
    ]);
    const bigPaint = await firstPaint(browser, big);
    rows.push(['first meaningful paint (100×, 5,600)', ms(bigPaint.fmp), '', 'one load']);

    await itemSwitch(browser, real, 'real');
    await itemSwitch(browser, big, '100×');
    await searchKeystrokes(browser, big, '100×');
    await readingSearch(browser, big, '100×');
    await overview(browser, big, '100×');
    await dashboardPaint(browser, big, '100×');
  } finally {
    await real.close();
    await big.close();
  }
}

function printTable(): void {
  const header: Row = ['measure', 'result', 'target', 'notes'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => [...r[i]!].length)));
  const line = (r: Row) => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  const out = path.join(import.meta.dirname, '..', 'test-results', 'bench-ui.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${line(header)}\n${rows.map(line).join('\n')}\n`);
}

await main();
