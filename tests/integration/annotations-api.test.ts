// Annotations through the API door, on the seeded plan: anchors follow their words through edits
// made with writeField (the one way item fields change) and become orphans when the words are gone.
import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '../../src/shared/annotations';
import type { Bullet } from '../../src/shared/domain';
import { readField, writeField } from '../../src/main/store/plan-store';
import { api, apiError } from './excel-helpers';
import { seededService } from './helpers';

const svc = seededService();
const KEY = '1-1-1'; // actions: ・バイオバンクの試料・情報等を活用した先端ゲノム研究を推進する【文】。 …
const QUOTE = '先端ゲノム研究';

function actions(): Bullet[] {
  return readField(svc.db, KEY, 'actions') as Bullet[];
}

function edit(bullets: Bullet[]): void {
  writeField(svc.db, KEY, 'actions', bullets, { author: 'テスト', source: 'edit' });
}

async function highlight(quote = QUOTE, over: Record<string, unknown> = {}): Promise<AnnotationView> {
  const bullets = actions();
  const bulletIndex = bullets.findIndex((b) => b.text.includes(quote));
  const start = bullets[bulletIndex]!.text.indexOf(quote);
  const item = await api(svc, 'items.get', { key: KEY });
  return api(svc, 'annotations.create', {
    itemKey: KEY,
    field: 'actions',
    range: { bulletIndex, start, end: start + quote.length },
    expectedVersion: item.version,
    comment: '規模は?',
    tags: ['要確認', ' #ゲノム '],
    author: '委員A',
    ...over,
  });
}

describe('annotations API', () => {
  it('creates an anchored comment from a selection, with normalised tags', async () => {
    const a = await highlight();
    expect(a).toMatchObject({
      itemKey: KEY,
      field: 'actions',
      bulletIndex: 0,
      kind: 'comment',
      color: 'yellow',
      status: 'open',
      tags: ['要確認', 'ゲノム'],
      deletedAt: null,
      replies: [],
    });
    expect(a.anchor).toMatchObject({ quote: QUOTE, prefix: 'バイオバンクの試料・情報等を活用した', suffix: 'を推進する【文】。' });
    expect(a.anchorState).toMatchObject({ state: 'anchored', bulletIndex: 0, exact: true, moved: false });
    expect(a.itemTitle).toContain('データの利活用を介した病態の解明');
  });

  it('follows its words when a bullet is inserted above and text is added before the quote', async () => {
    const a = await highlight();
    const [first, ...others] = actions();
    edit([
      { text: '新たに追加した取組【厚】。', level: 0 },
      { text: first!.text.replace('バイオバンク', '国内外のバイオバンク'), level: 0 },
      ...others,
    ]);
    const [now] = await api(svc, 'annotations.list', { itemKey: KEY }).then((l) => l.filter((x) => x.id === a.id));
    expect(now!.anchorState).toMatchObject({ state: 'anchored', bulletIndex: 1, moved: true });
    const s = now!.anchorState as { bulletIndex: number; start: number; end: number };
    expect(actions()[s.bulletIndex]!.text.slice(s.start, s.end)).toBe(QUOTE);
  });

  it('becomes an orphan when its words are gone, keeping the original quote', async () => {
    const a = await highlight('ファーマコゲノミクス研究');
    edit(actions().map((b) => ({ ...b, text: b.text.replace('ファーマコゲノミクス研究や', '') })));
    const list = await api(svc, 'annotations.list', { itemKey: KEY });
    const now = list.find((x) => x.id === a.id)!;
    expect(now.anchorState).toEqual({ state: 'orphan', reason: 'text_changed' });
    expect(now.anchor?.quote).toBe('ファーマコゲノミクス研究');
  });

  it('anchors on a title (bulletIndex null) and notes on a field or a whole item', async () => {
    const { title: text } = await api(svc, 'items.get', { key: '1-1-2' });
    const title = await api(svc, 'annotations.create', { itemKey: '1-1-2', field: 'title', quote: text.slice(1, 5), author: '委員B' });
    expect(title).toMatchObject({
      field: 'title',
      bulletIndex: null,
      kind: 'highlight',
      anchorState: { state: 'anchored', bulletIndex: null },
    });
    const note = await api(svc, 'annotations.create', {
      itemKey: '1-1-2',
      field: null,
      comment: '全体として進捗が見えにくい',
      author: '委員B',
    });
    expect(note).toMatchObject({ kind: 'note', anchor: null, anchorState: { state: 'none' } });
    const fieldNote = await api(svc, 'annotations.create', {
      itemKey: '1-1-2',
      field: 'future',
      comment: '方向性が抽象的',
      author: '委員B',
    });
    expect(fieldNote).toMatchObject({ field: 'future', anchor: null, anchorState: { state: 'none' } });
  });

  it('filters by item, tag, colour, status, author, ministry and section', async () => {
    const green = await api(svc, 'annotations.create', {
      itemKey: '2-1-1',
      field: null,
      comment: '医療DX',
      color: 'green',
      tags: ['DX'],
      author: '委員C',
    });
    const ids = async (args: object) => (await api(svc, 'annotations.list', args)).map((a) => a.id);
    expect(await ids({ tag: 'DX' })).toEqual([green.id]);
    expect(await ids({ color: 'green' })).toEqual([green.id]);
    expect(await ids({ author: '委員C' })).toEqual([green.id]);
    expect(await ids({ section: '2' })).toEqual([green.id]);
    expect(await ids({ section: '2-1' })).toEqual([green.id]);
    expect(await ids({ itemKey: '2-1-1' })).toEqual([green.id]);
    expect(await ids({ section: '1-1' })).not.toContain(green.id);
    const item = await api(svc, 'items.get', { key: KEY });
    const inMinistry = await ids({ ministry: item.ministries[0]! });
    expect(inMinistry.length).toBeGreaterThan(0);
    expect(await ids({ ministry: 'こ', itemKey: KEY })).toEqual([]);
    expect(await ids({ status: 'resolved' })).toEqual([]);
  });

  it('edits keep the replaced version in history; a stale edit is refused', async () => {
    const a = await highlight();
    const edited = await api(svc, 'annotations.update', {
      id: a.id,
      comment: '規模と期間は?',
      status: 'resolved',
      color: 'pink',
      author: '委員A',
      expectedUpdatedAt: a.updatedAt,
    });
    expect(edited).toMatchObject({ comment: '規模と期間は?', status: 'resolved', color: 'pink', historyCount: 1 });
    expect(edited.updatedAt > a.updatedAt).toBe(true);
    const history = await api(svc, 'annotations.history', { id: a.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ source: 'edit:委員A', replyId: null, value: { comment: '規模は?', status: 'open' } });
    expect(await apiError(svc, 'annotations.update', { id: a.id, comment: 'x', author: '委員A', expectedUpdatedAt: a.updatedAt })).toMatch(
      /開いた後に変更されています/,
    );
    // An edit that changes nothing writes nothing.
    const same = await api(svc, 'annotations.update', { id: a.id, comment: '規模と期間は?', author: '委員A' });
    expect(same.historyCount).toBe(1);
  });

  it('deletes as a tombstone; a deleted annotation takes no edits or replies', async () => {
    const a = await highlight();
    const reply = await api(svc, 'annotations.reply', { id: a.id, text: '事務局で確認します', author: '事務局' });
    expect(reply.replies).toMatchObject([{ author: '事務局', text: '事務局で確認します', deletedAt: null }]);
    expect(reply.updatedAt).toBe(a.updatedAt); // a reply does not date the comment
    const deleted = await api(svc, 'annotations.delete', { id: a.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await api(svc, 'annotations.list', {})).map((x) => x.id)).not.toContain(a.id);
    expect((await api(svc, 'annotations.list', { includeDeleted: true })).map((x) => x.id)).toContain(a.id);
    expect(await apiError(svc, 'annotations.update', { id: a.id, comment: 'x', author: '委員A' })).toMatch(/この注釈は削除されています/);
    expect(await apiError(svc, 'annotations.reply', { id: a.id, text: 'x', author: '委員A' })).toMatch(/削除されています/);
    expect((await api(svc, 'annotations.delete', { id: a.id })).deletedAt).toBe(deleted.deletedAt);
  });

  it('counts open annotations per item and per enclosing section', async () => {
    const counts = await api(svc, 'annotations.counts', {});
    const open = (await api(svc, 'annotations.list', { status: 'open' })).filter((a) => a.itemKey === KEY).length;
    expect(counts.items[KEY]).toBe(open);
    expect(counts.sections['1']).toBeGreaterThanOrEqual(open);
    expect(counts.sections['1-1']).toBe(counts.sections['1']! - (counts.sections['1-2'] ?? 0) - (counts.sections['1-3'] ?? 0));
    expect(counts.sections['2-1']).toBe(1);
    expect(counts.total).toBe((await api(svc, 'annotations.list', { status: 'open' })).length);
  });

  it('refuses bad input with Japanese messages', async () => {
    const item = await api(svc, 'items.get', { key: KEY });
    expect(await apiError(svc, 'annotations.create', { itemKey: KEY, field: 'actions', quote: 'どこにもない文言', author: 'A' })).toMatch(
      /見つかりません/,
    );
    expect(
      await apiError(svc, 'annotations.create', {
        itemKey: KEY,
        field: 'actions',
        range: { bulletIndex: 99, start: 0, end: 1 },
        author: 'A',
      }),
    ).toMatch(/箇条書きの番号が範囲外/);
    expect(
      await apiError(svc, 'annotations.create', {
        itemKey: KEY,
        field: 'actions',
        range: { bulletIndex: 0, start: 0, end: 2 },
        expectedVersion: item.version - 1,
        author: 'A',
      }),
    ).toMatch(/選択した後に変更されています/);
    expect(
      await apiError(svc, 'annotations.create', {
        itemKey: KEY,
        field: 'actions',
        quote: 'x',
        range: { bulletIndex: 0, start: 0, end: 1 },
        author: 'A',
      }),
    ).toMatch(/どちらか一方/);
    expect(await apiError(svc, 'annotations.create', { itemKey: KEY, field: null, kind: 'highlight', author: 'A' })).toMatch(
      /ハイライトには対象の文言/,
    );
    expect(await apiError(svc, 'annotations.create', { itemKey: KEY, field: null, quote: '推進', author: 'A' })).toMatch(/欄/);
    expect(await apiError(svc, 'annotations.create', { itemKey: '9-9-9', field: null, author: 'A' })).toMatch(/項目が見つかりません/);
    expect(await apiError(svc, 'annotations.create', { itemKey: KEY, field: null, color: 'red', author: 'A' })).toMatch(
      /入力が正しくありません: color/,
    );
    expect(await apiError(svc, 'annotations.create', { itemKey: KEY, field: null, author: ' ' })).toMatch(/作成者名を入力してください/);
    expect(await apiError(svc, 'annotations.update', { id: 'nope', author: 'A' })).toMatch(/注釈の ID の形式/);
    expect(await apiError(svc, 'annotations.update', { id: '3f1e2d4c-5b6a-4789-8abc-def012345678', author: 'A' })).toMatch(
      /注釈が見つかりません/,
    );
    expect(await apiError(svc, 'annotations.import', {})).toMatch(/取り込むファイルを指定してください/);
  });

  it('lists a few thousand annotations, on edited text, fast enough for the UI', async () => {
    const bullets = actions();
    const text = bullets[1]!.text;
    const insert = svc.db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        const start = (i * 7) % (text.length - 12);
        svc.db
          .prepare(
            `INSERT INTO annotations (id, item_key, field, bullet_index, quote, prefix, suffix, start_offset, end_offset, revision, kind, color, status, author, created_at, updated_at)
             VALUES (?, ?, 'actions', 1, ?, ?, ?, ?, ?, 1, 'highlight', 'yellow', 'open', 'bench', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
          )
          .run(
            crypto.randomUUID(),
            KEY,
            text.slice(start, start + 12),
            text.slice(Math.max(0, start - 32), start),
            text.slice(start + 12, start + 44),
            start,
            start + 12,
          );
      }
    });
    insert();
    // Change the text so that every anchor takes the slow path (no longer at its stored place).
    edit([
      { text: '先頭に挿入した箇条書き【厚】。', level: 0 },
      ...bullets.map((b, i) => (i === 1 ? { ...b, text: `（改）${b.text.replaceAll('ゲノム', 'ｹﾞﾉﾑ情報')}` } : b)),
    ]);
    const t0 = performance.now();
    const list = await api(svc, 'annotations.list', { author: 'bench' });
    const ms = performance.now() - t0;
    expect(list).toHaveLength(2000);
    expect(list.filter((a) => a.anchorState.state === 'anchored').length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(5000);
  });
});
