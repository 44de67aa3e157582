// The knowledge graph through the API and the CLI, on a real seeded database: neighbourhoods,
// mentions with their sentences, related items, curation that survives a re-ingest and a restart,
// bad curation refused in Japanese with nothing changed, and the GraphML / JSON exports.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { applyEdition } from '../../src/main/editions/apply-edition';
import { loadSource } from '../../src/main/ingest/seed';
import type { ArgsOf, MethodName, ResultOf } from '../../src/shared/api';
import type { GraphExport } from '../../src/shared/graph';
import { cli } from './cli-helpers';
import { count, PLAN_FILE, SEED_DIR, tempDbPath, tempDir } from './helpers';

const LAW = 'law-jisedai-iryou-kiban';
const LAW_ITEMS = ['1-1-11', '2-2-1', '2-3-1', '2-3-2', '2-3-4', '3-2-2', '3-3-2', '3-3-4'];

let dbPath: string;
let svc: Service;

async function call<M extends MethodName>(method: M, args: ArgsOf<M>, s = svc): Promise<ResultOf<M>> {
  const res = await s.dispatch(method, args);
  if (!res.ok) throw new Error(res.error.message);
  return res.result as ResultOf<M>;
}

async function failure<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<string> {
  const res = await svc.dispatch(method, args);
  if (res.ok) throw new Error(`${method} should have failed`);
  return res.error.message;
}

beforeAll(() => {
  dbPath = tempDbPath();
  svc = openService(dbPath);
});
afterAll(() => svc.close());

describe('graph API on the seeded plan', () => {
  it('finds an entity by name and shows its neighbourhood: the eight items naming it and the AMED project', async () => {
    const [hit] = await call('graph.search', { query: '次世代医療基盤法' });
    expect(hit).toMatchObject({ id: `entity:${LAW}`, type: 'law', label: '次世代医療基盤法' });
    const n = await call('graph.neighbourhood', { id: hit!.id });
    const items = n.nodes
      .filter((x) => x.type === 'item')
      .map((x) => x.id.slice(5))
      .sort();
    expect(items).toEqual(LAW_ITEMS);
    expect(n.nodes.some((x) => x.type === 'project')).toBe(true);
    const mentions = n.edges.filter((e) => e.kind === 'mentions' && e.target === hit!.id);
    expect(mentions.find((e) => e.source === 'item:1-1-11')?.weight).toBeGreaterThanOrEqual(2);
  });

  it('filters a neighbourhood by node type and keeps the heaviest when limited', async () => {
    const onlyMinistries = await call('graph.neighbourhood', { id: 'item:2-3-1', types: ['ministry'] });
    expect(onlyMinistries.nodes.slice(1).every((x) => x.type === 'ministry')).toBe(true);
    expect(onlyMinistries.nodes.length).toBeGreaterThan(1);
    const two = await call('graph.neighbourhood', { id: 'ministry:厚', limit: 2 });
    expect(two.nodes).toHaveLength(3);
    expect(two.truncated).toBeGreaterThan(10);
  });

  it('links an item to its ministries (担当 / 主担当), section, PJ, and the items sharing its entities', async () => {
    const item = (await call('items.get', { key: '2-3-1' }))!;
    const n = await call('graph.neighbourhood', { id: 'item:2-3-1', limit: 200 });
    const kinds = new Set(n.edges.filter((e) => e.source === 'item:2-3-1').map((e) => e.kind));
    expect(kinds).toEqual(
      new Set(['ministry', 'section', 'mentions', 'shared', ...(item.lead.length ? ['lead'] : []), ...(item.pj.length ? ['pj'] : [])]),
    );
    const shared = n.edges.find((e) => e.kind === 'shared' && e.target === 'item:2-3-2');
    expect(shared?.via).toContain('次世代医療基盤法');
  });

  it('lists the mentions of an entity with the sentence and offsets that point at the words', async () => {
    const { entity, mentions } = await call('graph.mentions', { id: LAW });
    expect(entity).toMatchObject({ label: '次世代医療基盤法', items: 8 });
    expect([...new Set(mentions.filter((m) => m.field !== 'project').map((m) => m.source))].sort()).toEqual(LAW_ITEMS);
    for (const m of mentions) expect(m.sentence.slice(m.sentenceStart, m.sentenceEnd)).toBe(m.text);
    const full = mentions.find((m) => m.source === '1-1-11' && m.text.startsWith('医療分野の研究開発に資するための'))!;
    expect(full.sourceTitle.startsWith('1-1-11 ')).toBe(true);
    expect(mentions.some((m) => m.field === 'project' && m.text === '改正次世代医療基盤法')).toBe(true);
  });

  it('relates items through shared entities, naming them, rare shared names scoring higher', async () => {
    const related = await call('graph.related', { key: '3-3-2' });
    expect(related[0]).toMatchObject({ key: '3-2-2' });
    expect(related[0]!.shared).toEqual(expect.arrayContaining(['次世代医療基盤法', '次世代DB']));
    expect(related.map((r) => r.score)).toEqual([...related.map((r) => r.score)].sort((a, b) => b - a));
    expect(await failure('graph.related', { key: '9-9-9' })).toBe('項目が見つかりません: 9-9-9');
  });
});

describe('curation', () => {
  it('renames, merges and hides; it survives a re-ingest of changed text and a restart', async () => {
    const author = '事務局';
    await call('graph.curate', { id: 'db-jisedai', label: '次世代医療基盤法DB', author });
    const merged = await call('graph.curate', { id: 'p:医工連携・人工知能実装研究事業', mergeInto: 'prog-ninchisho', author });
    expect(merged).toMatchObject({ id: 'prog-ninchisho', merged: ['p:医工連携・人工知能実装研究事業'] });
    await call('graph.curate', { id: 'org-amed', hidden: true, author });
    expect(count(svc, 'SELECT COUNT(*) AS n FROM graph_curation')).toBe(3);

    // A re-ingest of the plan with changed words: curation is kept, by id.
    const original = fs.readFileSync(path.join(SEED_DIR, PLAN_FILE), 'utf8');
    const report = loadSource(svc.db, PLAN_FILE, original.replace('ステージゲート', 'ステージ・ゲート'));
    expect((await applyEdition(svc.db, report.staged!, '事務局')).updated).toBeGreaterThan(0);
    svc.close();
    svc = openService(dbPath);

    expect((await call('graph.search', { query: '次世代医療基盤法DB' }))[0]).toMatchObject({
      id: 'entity:db-jisedai',
      label: '次世代医療基盤法DB',
    });
    const ninchisho = await call('graph.neighbourhood', { id: 'entity:prog-ninchisho', types: ['item'] });
    expect(ninchisho.nodes.slice(1).map((n) => n.id)).toEqual(expect.arrayContaining(['item:3-2-2', 'item:3-3-2']));
    expect(await call('graph.search', { query: 'AMED', types: ['organisation'] })).toEqual([]);
    const entities = await call('graph.entities', {});
    expect(entities.find((e) => e.id === 'org-amed')).toMatchObject({ hidden: true, mentions: 13 });
    expect(entities.some((e) => e.id === 'p:医工連携・人工知能実装研究事業')).toBe(false);

    // Undo: null label, null merge, shown again.
    await call('graph.curate', { id: 'org-amed', hidden: false, author });
    expect((await call('graph.search', { query: 'AMED', types: ['organisation'] }))[0]?.id).toBe('entity:org-amed');
  });

  it('refuses a merge into itself, into an unknown entity, or in a circle, in Japanese, changing nothing', async () => {
    const before = svc.db.prepare('SELECT * FROM graph_curation ORDER BY entity_id').all();
    expect(await failure('graph.curate', { id: 'db-phr', mergeInto: 'db-phr', author: 'x' })).toBe('固有名を自分自身には統合できません。');
    expect(await failure('graph.curate', { id: 'db-phr', mergeInto: 'nothing-here', author: 'x' })).toBe(
      '統合先の固有名が見つかりません: nothing-here',
    );
    expect(await failure('graph.curate', { id: 'prog-ninchisho', mergeInto: 'p:医工連携・人工知能実装研究事業', author: 'x' })).toBe(
      '「p:医工連携・人工知能実装研究事業」は既にこの固有名に統合されています(統合すると循環します)。',
    );
    expect(await failure('graph.curate', { id: 'db-biobank', mergeInto: 'p:医工連携・人工知能実装研究事業', author: 'x' })).toBe(
      '統合先は既に「認知症研究開発事業」に統合されています。「認知症研究開発事業」を統合先に選んでください。',
    );
    expect(await failure('graph.curate', { id: 'no-such', hidden: true, author: 'x' })).toBe('固有名が見つかりません: no-such');
    expect(await failure('graph.curate', { id: 'db-phr', label: '  ', author: 'x' })).toMatch(/名前を入力してください/);
    expect(svc.db.prepare('SELECT * FROM graph_curation ORDER BY entity_id').all()).toEqual(before);
  });

  it('refuses a merge that would close a circle between two entities, and undoes a merge with null', async () => {
    await call('graph.curate', { id: 'db-phr', mergeInto: 'db-mynaportal', author: 'x' });
    expect(await failure('graph.curate', { id: 'db-mynaportal', mergeInto: 'db-phr', author: 'x' })).toBe(
      '「db-phr」は既にこの固有名に統合されています(統合すると循環します)。',
    );
    await call('graph.curate', { id: 'db-phr', mergeInto: null, author: 'x' });
    expect(svc.db.prepare("SELECT COUNT(*) AS n FROM graph_curation WHERE entity_id = 'db-phr'").get()).toEqual({ n: 0 });
  });
});

describe('a broken dictionary file', () => {
  it('is reported in Japanese naming the file, and the plan is untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entities.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        entities: [
          { id: 'a', type: 'law', names: ['医療法'] },
          { id: 'b', type: 'law', names: ['医療法'] },
        ],
      }),
    );
    const own = openService(tempDbPath());
    process.env.COUNCIL_DESK_ENTITIES = file;
    try {
      const res = await own.dispatch('graph.search', { query: '医療法' });
      expect(res.ok ? null : res.error.message).toBe(
        '固有名辞書(entities.json)の内容が正しくありません: 名前「医療法」が「a」と「b」の両方にあります',
      );
      fs.writeFileSync(file, '{ not json');
      const broken = await own.dispatch('graph.search', { query: '医療法' });
      expect(broken.ok ? null : broken.error.message).toMatch(/^固有名辞書を読めません\(entities\.json\)/);
      expect(count(own, 'SELECT COUNT(*) AS n FROM items')).toBe(56);
    } finally {
      delete process.env.COUNCIL_DESK_ENTITIES;
      own.close();
    }
  });
});

describe('export and the doors', () => {
  it('refuses a file path from the web host', async () => {
    const res = await svc.doorFor('web')('graph.export', { format: 'json', outFile: '/tmp/x.json' });
    expect(res.ok).toBe(false);
    const inline = await svc.doorFor('web')('graph.export', { format: 'graphml' });
    expect(inline.ok && (inline.result as { content: string }).content.startsWith('<?xml')).toBe(true);
  });
});

describe('CLI graph and related', () => {
  const cliDb = tempDbPath();

  it('related KEY --json gives [{ key, title, shared, score }]', async () => {
    const res = await cli(['--db', cliDb, 'related', '2-3-2', '--json']);
    expect(res.code).toBe(0);
    const list = JSON.parse(res.out) as { key: string; title: string; shared: string[]; score: number }[];
    expect(Object.keys(list[0]!).sort()).toEqual(['key', 'score', 'shared', 'title']);
    expect(
      list
        .filter((r) => r.shared.includes('次世代医療基盤法'))
        .map((r) => r.key)
        .sort(),
    ).toEqual(LAW_ITEMS.filter((k) => k !== '2-3-2'));
    const text = await cli(['--db', cliDb, 'related', '2-3-2']);
    expect(text.out).toMatch(/^\S+ +\d+\.\d\d {2}.+ \[.*次世代医療基盤法.*\]$/m);
    expect((await cli(['--db', cliDb, 'related', '9-9-9'])).err).toBe('error: 項目が見つかりません: 9-9-9');
  });

  it('graph --json prints nodes, edges and mentions with provenance; --graphml --out writes a GraphML file', async () => {
    const res = await cli(['--db', cliDb, 'graph', '--json']);
    expect(res.code).toBe(0);
    const data = JSON.parse(res.out) as GraphExport;
    expect(data.nodes.filter((n) => n.type === 'item')).toHaveLength(56);
    expect(new Set(data.nodes.map((n) => n.type))).toEqual(
      new Set(['item', 'ministry', 'section', 'pj', 'project', 'programme', 'database', 'law', 'organisation']),
    );
    expect(new Set(data.edges.map((e) => e.kind))).toEqual(
      new Set(['ministry', 'lead', 'section', 'pj', 'mentions', 'relisted', 'shared', 'project']),
    );
    expect(data.mentions.find((m) => m.source === '3-3-4' && m.entityId === LAW)).toMatchObject({
      field: 'title',
      bullet: 0,
      start: 0,
      end: 8,
      text: '次世代医療基盤法',
    });

    const out = path.join(tempDir(), 'graph.graphml');
    const written = await cli(['--db', cliDb, 'graph', '--graphml', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/graph\.graphml: ノード \d+、エッジ \d+、言及 \d+$/);
    const xml = fs.readFileSync(out, 'utf8');
    expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">');
    expect(xml).toMatch(
      /<edge id="e\d+" source="item:3-3-4" target="entity:law-jisedai-iryou-kiban"><data key="kind">mentions<\/data><data key="eweight">\d+<\/data><data key="provenance">3-3-4\/title\/0:0-8/,
    );
    expect(xml.match(/<node /g)).toHaveLength(data.nodes.length);
  });

  it('graph without a format prints a summary; bad usage exits 2', async () => {
    const res = await cli(['--db', cliDb, 'graph']);
    expect(res.out).toMatch(/^固有名 \d+ 件/);
    expect(res.out).toContain('次世代医療基盤法  [法律・計画]  8 項目');
    expect((await cli(['--db', cliDb, 'graph', '--json', '--graphml'])).code).toBe(2);
    expect((await cli(['--db', cliDb, 'graph', '--out', 'x.json'])).code).toBe(2);
    expect((await cli(['--db', cliDb, 'related'])).code).toBe(2);
    const badDir = await cli(['--db', cliDb, 'graph', '--json', '--out', path.join(tempDir(), 'no', 'such', 'dir', 'g.json')]);
    expect(badDir.code).toBe(1);
    expect(badDir.err).toMatch(/^error: 書き出せません\(.*g\.json\): ENOENT$/);
  });
});
