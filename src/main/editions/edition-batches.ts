// Staged edition imports: a follow-up table loaded as the next year's edition (or as a changed source
// of the current one) is parsed, matched to the current edition by content (never by its printed
// numbers) and kept as a batch. Nothing in the plan changes until the batch is applied
// (apply-edition.ts); ambiguous items wait for a person to pair them or call them new.
import type { Bullet, MinistryCode, Section } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import {
  editionLabel,
  matchEditions,
  type EditionAmbiguousRow,
  type EditionBatchDetail,
  type EditionBatchSummary,
  type EditionMatch,
  type EditionMatchRow,
  type FieldChange,
} from '../../shared/editions';
import { bulletsToCell } from '../../shared/merge/cell-text';
import { parsePlan, type ParsedItem, type ParsedPlan } from '../ingest/plan-parser';
import { nextFreeKey, sha256, sectionIdOf } from '../ingest/ingest';
import type { Db } from '../store/database';
import { currentEdition } from '../store/edition-store';
import { nowIso } from '../store/plan-store';
import { currentDigest, editionItems, matchBase, toEditionItem, type PlainItem } from './edition-items';

/** What a batch keeps of its source: the parsed table and the match against the base edition. */
export interface EditionProposal {
  title: string;
  fiscalYear: number;
  sections: Section[];
  items: ParsedItem[];
  warnings: string[];
  match: EditionMatch;
}

interface BatchRow {
  id: number;
  source_name: string;
  sha256: string;
  fiscal_year: number;
  base_year: number | null;
  kind: 'new' | 'revision';
  status: EditionBatchSummary['status'];
  base_token: string;
  proposal: string;
  pairs: string;
  backup: string | null;
  created_at: string;
  applied_at: string | null;
}

/** A person's decision on an ambiguous item, by its index in the source: a previous key, or 'added'. */
export type Pairs = Record<string, string>;

export function batchRow(db: Db, id: number): BatchRow {
  const row = db.prepare('SELECT * FROM edition_batches WHERE id = ?').get(id) as BatchRow | undefined;
  if (!row) throw new AppError('not_found', `版の取り込み #${id} はありません。`);
  return row;
}

export function proposalOf(row: BatchRow): EditionProposal {
  return JSON.parse(row.proposal) as EditionProposal;
}

export function pairsOf(row: BatchRow): Pairs {
  return JSON.parse(row.pairs) as Pairs;
}

export function requireStagedEdition(row: BatchRow): void {
  if (row.status !== 'staged') {
    throw new AppError('conflict', `版の取り込み #${row.id} は${row.status === 'applied' ? '反映済み' : '破棄済み'}です。`);
  }
}

export function plainOfParsed(p: ParsedItem, position: number): PlainItem {
  return {
    key: p.key,
    label: p.label,
    sectionId: sectionIdOf(p),
    major: p.major,
    middle: p.middle,
    area: p.area,
    position,
    title: p.title,
    ministries: p.ministries as MinistryCode[],
    lead: p.lead as MinistryCode[],
    relistedFrom: p.relistedFrom,
    actions: p.actions,
    future: p.future,
  };
}

/**
 * Parse a follow-up table and stage it against the current edition. A table of the current year is
 * a revision of it; a later year's is the next edition; an earlier year's is refused (editions are
 * never rewritten after the next one is out).
 */
export function stageEdition(db: Db, name: string, text: string): EditionBatchDetail {
  return stageParsed(db, name, sha256(text), parsePlan(text));
}

/** Stage a table already parsed (its text's sha256 given): the checks, the match, the batch. */
export function stageParsed(db: Db, name: string, hash: string, plan: ParsedPlan): EditionBatchDetail {
  if (plan.items.length === 0)
    throw new AppError('bad_request', `${name}: 小項目が見つかりません。協議会資料(フォローアップ表)のテキストか確認してください。`);
  const fiscalYear = plan.fiscalYear;
  if (fiscalYear === null) {
    throw new AppError(
      'bad_request',
      `${name}: 資料の年度(「令和N年度の実施と今後の方向性等」または「令和N年度の取組」)が読み取れません。データベースは変更していません。`,
    );
  }
  const current = currentEdition(db);
  if (current && fiscalYear < current.fiscalYear) {
    throw new AppError(
      'bad_request',
      `${name}: ${editionLabel(fiscalYear)}の資料です。現在の版(${current.label})より前の年度の版は取り込めません(過去の版は公表時のまま保存されています)。データベースは変更していません。`,
    );
  }
  if (db.prepare("SELECT 1 FROM editions WHERE fiscal_year = ? AND status = 'draft'").get(fiscalYear)) {
    throw new AppError(
      'conflict',
      `${name}: ${editionLabel(fiscalYear)}は作成中の版として照会中です(「新年度の照会を始める」で作成)。資料として取り込むことはできません。作成中の版を公開してから、変更として取り込んでください。データベースは変更していません。`,
    );
  }
  if (current && fiscalYear === current.fiscalYear && current.sourceSha256 === hash) {
    throw new AppError('bad_request', `${name}: 現在の版(${current.label})と同じ内容です。取り込むものはありません。`);
  }
  const staged = db.prepare("SELECT id FROM edition_batches WHERE sha256 = ? AND status = 'staged'").get(hash) as
    { id: number } | undefined;
  if (staged) return editionBatchDetail(db, staged.id);

  const kind = current && fiscalYear === current.fiscalYear ? 'revision' : 'new';
  const previous = current ? matchBase(db, current.fiscalYear, kind === 'revision') : [];
  const next = plan.items.map((p, i) => plainOfParsed(p, i));
  const matched = matchEditions(
    previous.map((it) => toEditionItem(it, true)),
    next.map((it) => toEditionItem(it, false)),
  );
  // An item an earlier revision already dropped and this source does not bring back stays dropped:
  // it is no news.
  const live = new Set(current ? editionItems(db, current.fiscalYear).map((it) => it.key) : []);
  const match = { ...matched, dropped: matched.dropped.filter((d) => live.has(d.key)) };
  const proposal: EditionProposal = {
    title: plan.title,
    fiscalYear,
    sections: plan.sections,
    items: plan.items,
    warnings: plan.warnings,
    match,
  };
  const id = Number(
    db
      .prepare(
        `INSERT INTO edition_batches (source_name, sha256, fiscal_year, base_year, kind, status, base_token, proposal, created_at)
         VALUES (?, ?, ?, ?, ?, 'staged', ?, ?, ?)`,
      )
      .run(name, hash, fiscalYear, current?.fiscalYear ?? null, kind, currentDigest(db), JSON.stringify(proposal), nowIso())
      .lastInsertRowid,
  );
  return editionBatchDetail(db, id);
}

const cellOf = (bullets: Bullet[]) => bulletsToCell(bullets);

export function fieldChanges(before: PlainItem, after: PlainItem): FieldChange[] {
  const text = (it: PlainItem, f: FieldChange['field']) =>
    f === 'title'
      ? it.title
      : f === 'ministries'
        ? it.ministries.map((m) => (it.lead.includes(m) ? `◎${m}` : m)).join('・')
        : cellOf(it[f]);
  return (['title', 'ministries', 'actions', 'future'] as const)
    .map((field) => ({ field, before: text(before, field), after: text(after, field) }))
    .filter((c) => c.before !== c.after);
}

/** The match as a person decided it: ambiguous items paired or called new. */
export interface ResolvedMatch {
  /** Source index → previous key. */
  keyOf: Map<number, string>;
  added: number[];
  dropped: string[];
  undecided: number[];
}

export function resolveMatch(match: EditionMatch, pairs: Pairs): ResolvedMatch {
  const keyOf = new Map<number, string>(match.matched.map((m) => [m.to, m.key]));
  const added = match.added.map((a) => a.to);
  const undecided: number[] = [];
  const pairedKeys = new Set<string>();
  for (const a of match.ambiguous) {
    const d = pairs[String(a.to)];
    if (d === undefined) undecided.push(a.to);
    else if (d === 'added') added.push(a.to);
    else {
      keyOf.set(a.to, d);
      pairedKeys.add(d);
    }
  }
  const ambiguousKeys = new Set(match.ambiguous.flatMap((a) => a.candidates.map((c) => c.key)));
  const matchedKeys = new Set(match.matched.map((m) => m.key));
  // Candidates of ambiguous items that nobody took are dropped too.
  const dropped = [...new Set([...match.dropped.map((d) => d.key), ...[...ambiguousKeys].filter((k) => !matchedKeys.has(k))])].filter(
    (k) => !pairedKeys.has(k),
  );
  added.sort((a, b) => a - b);
  return { keyOf, added, dropped, undecided };
}

export function editionBatchDetail(db: Db, id: number): EditionBatchDetail {
  const row = batchRow(db, id);
  const proposal = proposalOf(row);
  const pairs = pairsOf(row);
  const { match } = proposal;
  // The base edition as it is now: while the batch is staged that is what it will be applied over.
  const previous = row.base_year === null ? [] : safeItems(db, row.base_year, row.kind === 'revision' && row.status === 'staged');
  const prevByKey = new Map(previous.map((it) => [it.key, it]));
  const next = proposal.items.map((p, i) => plainOfParsed(p, i));
  const resolved = resolveMatch(match, pairs);
  const matched: EditionMatchRow[] = [];
  for (const m of match.matched) {
    const before = prevByKey.get(m.key);
    const after = next[m.to]!;
    matched.push({
      index: m.to,
      key: m.key,
      title: after.title,
      fromLabel: m.fromLabel,
      toLabel: m.toLabel,
      fromSection: m.fromSection,
      toSection: m.toSection,
      change: m.change,
      moved: m.moved,
      renumbered: m.renumbered,
      fields: m.fields,
      changes: before ? fieldChanges(before, after) : [],
      confidence: m.confidence,
      paired: false,
    });
  }
  for (const a of match.ambiguous) {
    const key = resolved.keyOf.get(a.to);
    const before = key ? prevByKey.get(key) : undefined;
    if (!key || !before) continue;
    const after = next[a.to]!;
    const changes = fieldChanges(before, after);
    const moved = before.sectionId !== after.sectionId;
    const renumbered = before.label !== after.label;
    matched.push({
      index: a.to,
      key,
      title: after.title,
      fromLabel: before.label,
      toLabel: after.label,
      fromSection: before.sectionId,
      toSection: after.sectionId,
      change: moved ? 'moved' : renumbered ? 'renumbered' : changes.length ? 'edited' : 'same',
      moved,
      renumbered,
      fields: changes.map((c) => c.field),
      changes,
      confidence: a.candidates.find((c) => c.key === key)?.confidence ?? 0,
      paired: true,
    });
  }
  matched.sort((x, y) => x.index - y.index);
  const candidateRow = (key: string, confidence: number) => {
    const it = prevByKey.get(key);
    return { key, confidence, label: it?.label ?? '', section: it?.sectionId ?? '', title: it?.title ?? '' };
  };
  const ambiguous: EditionAmbiguousRow[] = match.ambiguous.map((a) => ({
    index: a.to,
    label: a.label,
    section: next[a.to]!.sectionId,
    title: a.title,
    candidates: a.candidates.map((c) => candidateRow(c.key, c.confidence)),
    decision: pairs[String(a.to)] ?? null,
  }));
  const decidedAdded = new Set(match.ambiguous.filter((a) => pairs[String(a.to)] === 'added').map((a) => a.to));
  const keys =
    row.status === 'staged'
      ? predictKeys(
          db,
          resolved.added.map((i) => proposal.items[i]!.key),
        )
      : [];
  const added = resolved.added.map((i, n) => ({
    index: i,
    key: keys[n] ?? '',
    label: next[i]!.label,
    section: next[i]!.sectionId,
    title: next[i]!.title,
    decided: decidedAdded.has(i),
  }));
  const dropped = resolved.dropped.map((key) => {
    const it = prevByKey.get(key);
    return { key, label: it?.label ?? '', section: it?.sectionId ?? '', title: it?.title ?? '' };
  });
  const warnings = [...proposal.warnings];
  if (row.kind === 'new' && row.base_year !== null && proposal.fiscalYear > row.base_year + 1) {
    warnings.unshift(
      `現在の版(${editionLabel(row.base_year)})の次の年度ではなく、${editionLabel(proposal.fiscalYear)}の資料です。間の年度の版は作られません。`,
    );
  }
  return {
    id: row.id,
    sourceName: row.source_name,
    sha256: row.sha256,
    fiscalYear: row.fiscal_year,
    baseYear: row.base_year,
    kind: row.kind,
    status: row.status,
    createdAt: row.created_at,
    appliedAt: row.applied_at,
    backup: row.backup,
    counts: {
      matched: matched.length,
      changed: matched.filter((m) => m.change !== 'same').length,
      added: added.length,
      dropped: dropped.length,
      ambiguous: ambiguous.length,
      undecided: resolved.undecided.length,
    },
    title: proposal.title,
    warnings,
    matched,
    added,
    dropped,
    ambiguous,
    splits: match.splits.map((s) => ({
      key: s.key,
      title: prevByKey.get(s.key)?.title ?? '',
      into: s.into.map((p) => ({ index: p.to, label: next[p.to]!.label, title: next[p.to]!.title, confidence: p.confidence })),
    })),
    merges: match.merges.map((m) => ({
      index: m.to,
      label: next[m.to]!.label,
      title: next[m.to]!.title,
      from: m.from.map((c) => ({ key: c.key, title: prevByKey.get(c.key)?.title ?? '', confidence: c.confidence })),
    })),
  };
}

/** The keys new items will get, in source order, as applying would issue them. */
function predictKeys(db: Db, proposed: string[]): string[] {
  const isIssued = db.prepare('SELECT 1 FROM issued_keys WHERE key = ?');
  const taken = new Set<string>();
  return proposed.map((p) => {
    const key = nextFreeKey(p, (k) => taken.has(k) || isIssued.get(k) !== undefined);
    taken.add(key);
    return key;
  });
}

/** The base edition's items, or none when it no longer exists as it was (an applied batch's base was archived). */
function safeItems(db: Db, fiscalYear: number, withRetired: boolean): PlainItem[] {
  try {
    return matchBase(db, fiscalYear, withRetired);
  } catch {
    return [];
  }
}

export function listEditionBatches(db: Db): EditionBatchSummary[] {
  const ids = db.prepare('SELECT id FROM edition_batches ORDER BY id DESC').pluck().all() as number[];
  return ids.map((id) => {
    const {
      title: _t,
      warnings: _w,
      matched: _m,
      added: _a,
      dropped: _d,
      ambiguous: _x,
      splits: _s,
      merges: _g,
      ...summary
    } = editionBatchDetail(db, id);
    return summary;
  });
}

/** Record a person's decision on an ambiguous item: pair it with a previous key, call it new, or undo (null). */
export function pairEditionItem(db: Db, id: number, index: number, decision: string | null): EditionBatchDetail {
  db.transaction(() => {
    const row = batchRow(db, id);
    requireStagedEdition(row);
    const { match } = proposalOf(row);
    const item = match.ambiguous.find((a) => a.to === index);
    if (!item) throw new AppError('bad_request', `版の取り込み #${id} の${index + 1}番目の項目は、判断が必要な項目ではありません。`);
    const pairs = pairsOf(row);
    if (decision === null) delete pairs[String(index)];
    else if (decision === 'added') pairs[String(index)] = 'added';
    else {
      const free = new Set([...match.dropped.map((d) => d.key), ...match.ambiguous.flatMap((a) => a.candidates.map((c) => c.key))]);
      if (!free.has(decision)) {
        throw new AppError('bad_request', `${decision} は対応付けの候補ではありません(前の版で対応先が決まっていない項目だけを選べます)。`);
      }
      const taken = Object.entries(pairs).find(([i, k]) => k === decision && i !== String(index));
      if (taken) throw new AppError('conflict', `${decision} はすでに${Number(taken[0]) + 1}番目の項目と対応付けられています。`);
      pairs[String(index)] = decision;
    }
    db.prepare('UPDATE edition_batches SET pairs = ? WHERE id = ?').run(JSON.stringify(pairs), id);
  }).immediate();
  return editionBatchDetail(db, id);
}

export function discardEditionBatch(db: Db, id: number): EditionBatchSummary {
  db.transaction(() => {
    requireStagedEdition(batchRow(db, id));
    db.prepare("UPDATE edition_batches SET status = 'discarded' WHERE id = ?").run(id);
  }).immediate();
  return listEditionBatches(db).find((b) => b.id === id)!;
}
