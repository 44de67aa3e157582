import { describe, expect, it } from 'vitest';
import type { AnnotationCore, AnnotationReply } from '../../../src/shared/annotations';
import { contentKey, mergeRecord } from '../../../src/shared/annotations/merge';

const core = (over: Partial<AnnotationCore> = {}): AnnotationCore => ({
  id: '3f1e2d4c-5b6a-4789-8abc-def012345678',
  itemKey: '1-1-1',
  fiscalYear: 7,
  carriedFrom: null,
  field: 'actions',
  bulletIndex: 0,
  anchor: {
    quote: '先端ゲノム研究',
    prefix: 'バイオバンクの試料・情報等を活用した',
    suffix: 'を推進する【文】。',
    start: 18,
    end: 25,
    revision: 1,
  },
  kind: 'comment',
  color: 'yellow',
  comment: '予算規模は?',
  tags: ['要確認'],
  status: 'open',
  author: '委員A',
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-01T00:00:00.000Z',
  deletedAt: null,
  ...over,
});

const none = new Set<string>();

describe('mergeRecord', () => {
  it('creates a record it does not have, a tombstone included', () => {
    expect(mergeRecord(undefined, core(), none)).toEqual({ value: core(), outcome: 'created', toHistory: [] });
    const tomb = core({ deletedAt: '2025-06-02T00:00:00.000Z' });
    expect(mergeRecord(undefined, tomb, none).value.deletedAt).toBe('2025-06-02T00:00:00.000Z');
  });

  it('changes nothing when the same version comes again', () => {
    expect(mergeRecord(core(), core(), none)).toEqual({ value: core(), outcome: 'unchanged', toHistory: [] });
  });

  it('takes the newer edit and keeps the older in history', () => {
    const newer = core({ comment: '予算規模と期間は?', updatedAt: '2025-06-03T00:00:00.000Z' });
    expect(mergeRecord(core(), newer, none)).toEqual({ value: newer, outcome: 'updated', toHistory: [core()] });
  });

  it('keeps the local version against an older copy, recording the older content once', () => {
    const local = core({ comment: '新しい', updatedAt: '2025-06-03T00:00:00.000Z' });
    const first = mergeRecord(local, core(), none);
    expect(first).toEqual({ value: local, outcome: 'unchanged', toHistory: [core()] });
    const again = mergeRecord(local, core(), new Set([contentKey(core())]));
    expect(again.toHistory).toEqual([]);
  });

  it('edits on both sides: the later wins, whichever side it is on, and both orders agree', () => {
    const mine = core({ comment: '私の編集', updatedAt: '2025-06-02T00:00:00.000Z' });
    const theirs = core({ status: 'resolved', updatedAt: '2025-06-04T00:00:00.000Z' });
    expect(mergeRecord(mine, theirs, none).value).toEqual(theirs);
    expect(mergeRecord(theirs, mine, none).value).toEqual(theirs);
    expect(mergeRecord(mine, theirs, none).toHistory).toEqual([mine]);
  });

  it('decides equal times with different content the same way in every database', () => {
    const a = core({ comment: 'A' });
    const b = core({ comment: 'B' });
    expect(mergeRecord(a, b, none).value).toEqual(mergeRecord(b, a, none).value);
  });

  it('never undoes a deletion: an older live copy does not resurrect it', () => {
    const deleted = core({ updatedAt: '2025-06-05T00:00:00.000Z', deletedAt: '2025-06-05T00:00:00.000Z' });
    const m = mergeRecord(deleted, core(), none);
    expect(m.value.deletedAt).toBe('2025-06-05T00:00:00.000Z');
    expect(m.outcome).toBe('unchanged');
  });

  it('a deletion on the other side deletes here, and a later edit there is kept deleted but not lost', () => {
    const deletedThere = core({ updatedAt: '2025-06-05T00:00:00.000Z', deletedAt: '2025-06-05T00:00:00.000Z' });
    expect(mergeRecord(core(), deletedThere, none)).toMatchObject({ outcome: 'updated', value: { deletedAt: '2025-06-05T00:00:00.000Z' } });
    const localDeleted = core({ updatedAt: '2025-06-02T00:00:00.000Z', deletedAt: '2025-06-02T00:00:00.000Z' });
    const editedThere = core({ comment: '後から編集', updatedAt: '2025-06-06T00:00:00.000Z' });
    const m = mergeRecord(localDeleted, editedThere, none);
    expect(m.value).toMatchObject({ comment: '後から編集', deletedAt: '2025-06-02T00:00:00.000Z' });
  });

  it('merges replies by the same rules', () => {
    const reply: AnnotationReply = {
      id: 'r',
      author: '事務局',
      text: '確認します',
      createdAt: '2025-06-01T00:00:00.000Z',
      updatedAt: '2025-06-01T00:00:00.000Z',
      deletedAt: null,
    };
    const edited = { ...reply, text: '確認しました', updatedAt: '2025-06-02T00:00:00.000Z' };
    expect(mergeRecord(reply, edited, none)).toEqual({ value: edited, outcome: 'updated', toHistory: [reply] });
    expect(mergeRecord(edited, reply, new Set([contentKey(reply)]))).toEqual({ value: edited, outcome: 'unchanged', toHistory: [] });
  });
});
