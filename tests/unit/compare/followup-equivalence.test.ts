// The follow-up and comparison results pinned before the comparison was made cheaper (issue 9): every
// bullet of the real seed plan, every pair of the plan's items, and random texts built from the
// pieces the analysis treats specially (overlapping stop words, tags, dates, hiragana content words,
// boilerplate and cue words, full-width and spaced spellings). A change that only makes the
// comparison faster must leave every one of these identical.
//
// The snapshot was written by the code before the change:
//   COUNCIL_DESK_WRITE_FOLLOWUP_SNAPSHOT=1 npx vitest run tests/unit/compare/followup-equivalence.test.ts
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDir } from '../../../src/main/ingest/seed';
import { openDatabase } from '../../../src/main/store/database';
import { compareItem, isBoilerplateOnly } from '../../../src/shared/compare/compare';
import { extractDates } from '../../../src/shared/compare/dates';
import { classifyFuture, delegatedTo, isBoilerplateText } from '../../../src/shared/compare/labels';
import { STOP_WORDS, contentChunks, contentGrams, linkScores, similarity } from '../../../src/shared/compare/similarity';
import type { Bullet } from '../../../src/shared/domain';
import { followUpItem } from '../../../src/shared/editions/followup';
import { bulletTags } from '../../../src/shared/text/tags';

const SNAPSHOT = path.resolve(__dirname, '../../fixtures/followup-equivalence.json');
const SEEDS = path.resolve(__dirname, '../../../seeds');

interface Snapshot {
  /** Per text: a digest of everything the analysis says about it alone. */
  texts: Record<string, string>;
  /**
   * Per seed item, a digest of followUpItem, compareItem and linkScores of its future against the actions of
   * every seed item; per random item, the same of its future against its own actions.
   */
  pairs: Record<string, string>;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

interface Item {
  key: string;
  actions: Bullet[];
  future: Bullet[];
}

function seedItems(): Item[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-eq-'));
  try {
    const db = openDatabase(path.join(dir, 'seed.db'));
    ingestDir(db, SEEDS);
    const keys = (db.prepare('SELECT key FROM items ORDER BY position').all() as { key: string }[]).map((r) => r.key);
    const rows = db.prepare('SELECT item_key, field, level, text FROM bullets ORDER BY item_key, field, ord').all() as {
      item_key: string;
      field: 'actions' | 'future';
      level: number;
      text: string;
    }[];
    db.close();
    const byKey = new Map(keys.map((key): [string, Item] => [key, { key, actions: [], future: [] }]));
    for (const r of rows) byKey.get(r.item_key)?.[r.field].push({ text: r.text, level: r.level });
    return [...byKey.values()];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic PRNG (mulberry32), so the random texts are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...STOP_WORDS,
  // stop words that overlap (着実|実施 in 着実施: the order the words are removed in decides) or touch
  '着実施',
  '充実現',
  '拡充実用化',
  '展開発',
  '実施策',
  '充実装',
  '研究開発事業',
  '研究事業等',
  '開発研究',
  '事業等的',
  '利活用データ',
  '一体的',
  '令和年度',
  'がん',
  'こども',
  'がんこども',
  'こどもがん',
  'が',
  'ん',
  'こ',
  'ども',
  'を',
  'における',
  'する',
  '引き続き',
  '着実に',
  '前年度に引き続き',
  '新規',
  '新たに',
  '予定',
  '目途',
  '【文】',
  '【厚】',
  '【文・◎厚】',
  '【こ、厚】',
  '【再掲】',
  '【取組の例】',
  '(PJ1)',
  '（PJ２、PJ３）',
  '(pj1・pj9)',
  '(仮題)',
  '（仮称）',
  '令和8年度から',
  '令和 7 年度中に',
  '令和元年',
  '令和7年2月18日閣議決定',
  '平成29年度',
  '2025年度以降',
  '２０２４年３月',
  'r8年度',
  '公布後1年6月以内',
  '新産業協議会で実施',
  'サルコペニア',
  '電子カルテ',
  'ＡＭＥＤ',
  'datacat',
  '認知症',
  '医療',
  '基盤',
  '臨床',
  '、',
  '。',
  '・',
  '（',
  '）',
  ' ',
  '\u3000',
  'ｶﾀｶﾅ',
  '𠮷',
  '|',
];

function randomText(next: () => number): string {
  const n = 1 + Math.floor(next() * 12);
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)]!;
  return out;
}

function randomItems(count: number): Item[] {
  const next = random(20261202);
  const bullets = (): Bullet[] =>
    Array.from({ length: Math.floor(next() * 5) }, () => ({ text: randomText(next), level: Math.floor(next() * 2) }));
  return Array.from({ length: count }, (_, i) => ({ key: `random-${i}`, actions: bullets(), future: bullets() }));
}

function textFacts(text: string): unknown {
  return {
    chunks: contentChunks(text),
    grams: [...contentGrams(text)],
    tags: bulletTags(text),
    dates: extractDates(text),
    unlinked: classifyFuture(text, false),
    linked: classifyFuture(text, true),
    boilerplate: isBoilerplateText(text),
    delegated: delegatedTo(text),
  };
}

function pairFacts(future: readonly Bullet[], actions: readonly Bullet[]): unknown {
  return {
    followUp: followUpItem(future, actions, 8),
    compare: compareItem(actions, future),
    compareNoDates: compareItem(actions, future, { actionDates: false, threshold: 0.05 }),
    scores: linkScores(
      actions.map((b) => b.text),
      future.map((b) => b.text),
    ),
    boilerplateOnly: [isBoilerplateOnly(future), isBoilerplateOnly(future, { countDelegated: true })],
  };
}

function current(): Snapshot {
  const seed = seedItems();
  const extra = randomItems(400);
  const snapshot: Snapshot = { texts: {}, pairs: {} };
  const next = random(7);
  const texts = new Set<string>();
  for (const item of [...seed, ...extra]) for (const b of [...item.actions, ...item.future]) texts.add(b.text);
  for (let i = 0; i < 1000; i++) texts.add(randomText(next));
  for (const text of texts) snapshot.texts[text] = digest(textFacts(text));
  for (const from of seed) snapshot.pairs[from.key] = digest(seed.map((to) => pairFacts(from.future, to.actions)));
  for (const item of extra) snapshot.pairs[item.key] = digest(pairFacts(item.future, item.actions));
  // The whole plan as one item: every future bullet of the seed scored against every action bullet.
  snapshot.pairs['whole plan'] = digest(
    pairFacts(
      seed.flatMap((i) => i.future),
      seed.flatMap((i) => i.actions),
    ),
  );
  snapshot.pairs['similarity of every seed pair'] = digest(
    seed.flatMap((i) => i.future).map((f) => seed.flatMap((i) => i.actions).map((a) => similarity(f.text, a.text))),
  );
  return snapshot;
}

describe('follow-up and comparison results', () => {
  it('are those of the code before the comparison was made cheaper', () => {
    const now = current();
    if (process.env.COUNCIL_DESK_WRITE_FOLLOWUP_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 1)}\n`);
    const pinned = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    expect(Object.keys(now.texts).length).toBeGreaterThan(1000);
    expect(Object.keys(now.pairs).length).toBe(Object.keys(pinned.pairs).length);
    const changedTexts = Object.keys(pinned.texts).filter((t) => now.texts[t] !== pinned.texts[t]);
    const changedPairs = Object.keys(pinned.pairs).filter((p) => now.pairs[p] !== pinned.pairs[p]);
    expect(changedTexts).toEqual([]);
    expect(changedPairs).toEqual([]);
    expect(Object.keys(now.texts).sort()).toEqual(Object.keys(pinned.texts).sort());
  }, 120_000);
});
