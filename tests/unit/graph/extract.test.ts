// Entity extraction on the real plan (seed 000) with the shipped dictionary: which items name what,
// synonyms merged into one entity, offsets that point at the exact words, pattern rules that find
// names the dictionary lacks and leave generic phrases alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan, type ParsedPlan } from '../../../src/main/ingest/plan-parser';
import { parseProject } from '../../../src/main/ingest/project-parser';
import {
  applyCuration,
  compileDictionary,
  extractMentions,
  foldText,
  itemTextUnits,
  parseDictionary,
  patternEntityId,
  projectTextUnits,
  type CompiledDictionary,
  type Extraction,
  type GraphItem,
} from '../../../src/shared/graph';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dictionaryJson = JSON.parse(readFileSync(`${root}resources/entities.json`, 'utf8')) as unknown;

let plan: ParsedPlan;
let dict: CompiledDictionary;
let extraction: Extraction;
const item = (key: string) => plan.items.find((i) => i.key === key)! as unknown as GraphItem;
const itemsNaming = (entityId: string, ex = extraction) =>
  [...new Set(ex.mentions.filter((m) => m.entityId === entityId).map((m) => m.source))].sort();
const textOf = (key: string, field: string, bullet: number) => {
  const it = item(key);
  return field === 'title' ? it.title : it[field as 'actions' | 'future'][bullet]!.text;
};

beforeAll(() => {
  plan = parsePlan(readFileSync(`${root}seeds/000_52c930427e1a17e9.txt`, 'utf8'));
  dict = compileDictionary(parseDictionary(dictionaryJson));
  extraction = extractMentions(
    plan.items.flatMap((i) => itemTextUnits(i as unknown as GraphItem)),
    dict,
  );
});

describe('the dictionary on the real plan', () => {
  it('finds 次世代医療基盤法 in exactly the eight items that name it (checked against the seed text)', () => {
    expect(itemsNaming('law-jisedai-iryou-kiban')).toEqual(['1-1-11', '2-2-1', '2-3-1', '2-3-2', '2-3-4', '3-2-2', '3-3-2', '3-3-4']);
  });

  it('merges the law written out in full into the same entity as its short name', () => {
    // 1-1-11's title: 「…匿名加工医療情報及び仮名加工医療情報に関する法律(平成29年法律第28号。以下「次世代医療基盤法」という。)」
    const inTitle = extraction.mentions.filter(
      (m) => m.source === '1-1-11' && m.field === 'title' && m.entityId === 'law-jisedai-iryou-kiban',
    );
    expect(inTitle.map((m) => m.text)).toEqual([
      '医療分野の研究開発に資するための匿名加工医療情報及び仮名加工医療情報に関する法律',
      '次世代医療基盤法',
    ]);
    expect(extraction.entities.get('law-jisedai-iryou-kiban')).toMatchObject({
      label: '次世代医療基盤法',
      type: 'law',
      origin: 'dictionary',
    });
  });

  it('merges 改正次世代医療基盤法 on the AMED project sheet into the same law', () => {
    const project = parseProject(readFileSync(`${root}seeds/004_e130389cfaf818a1.txt`, 'utf8'));
    const ex = extractMentions(projectTextUnits(project), dict);
    const m = ex.mentions.find((x) => x.text === '改正次世代医療基盤法');
    expect(m?.entityId).toBe('law-jisedai-iryou-kiban');
  });

  it('keeps offsets that point at the exact words of every mention', () => {
    expect(extraction.mentions.length).toBeGreaterThan(100);
    for (const m of extraction.mentions) expect(textOf(m.source, m.field, m.bullet).slice(m.start, m.end)).toBe(m.text);
    const law = extraction.mentions.find((m) => m.source === '3-3-4' && m.entityId === 'law-jisedai-iryou-kiban')!;
    expect(law).toMatchObject({ field: 'title', bullet: 0, start: 0, end: 8 });
  });

  it('reads full-width Latin names and keeps Latin names whole (NDB, not NDBX)', () => {
    const ex = extractMentions(
      [{ source: 'x', field: 'actions', bullet: 0, text: 'ＮＤＢと介護DBを連携し、NDBXやDPCDとは別に扱う。' }],
      dict,
    );
    expect(ex.mentions.map((m) => [m.entityId, m.text, m.start])).toEqual([
      ['db-ndb', 'ＮＤＢ', 0],
      ['db-kaigo', '介護DB', 4],
    ]);
  });

  it('does not count ministry tags such as 【AMED】 as a mention of the organisation', () => {
    const ex = extractMentions([{ source: 'x', field: 'actions', bullet: 0, text: '【文・厚・AMED】AMEDの支援を継続する。' }], dict);
    expect(ex.mentions.map((m) => [m.text, m.start])).toEqual([['AMED', 10]]);
  });
});

describe('the pattern rules on the real plan', () => {
  it('finds quoted and 事業 names the dictionary lacks, with their words as label', () => {
    expect(itemsNaming(patternEntityId('移植医療技術開発研究事業'))).toEqual(['3-2-4']);
    expect(itemsNaming(patternEntityId('医工連携・人工知能実装研究事業'))).toEqual(['3-2-2', '3-3-2']);
    expect(extraction.entities.get(patternEntityId('リアルワールドデータ活用促進事業'))).toMatchObject({
      type: 'programme',
      origin: 'pattern',
    });
    expect(extraction.entities.get(patternEntityId('免疫アレルギー疾患研究10か年戦略'))?.type).toBe('law');
  });

  it('leaves generic phrases alone (本研究事業, 各事業, 事業モデル, 事業部) and does not count a quoted dictionary name twice', () => {
    const labels = [...extraction.entities.values()].map((e) => e.label);
    for (const generic of ['本研究事業', '各事業', '研究事業', 'データ流通・事業', '民間事業', 'AMED事業'])
      expect(labels).not.toContain(generic);
    expect(labels.some((l) => l.includes('研究開発事業部'))).toBe(false);
    // 「AMEDデータ利活用プラットフォーム(略称CANNDs)」 is CANNDs, not a second entity.
    expect(labels.some((l) => l.startsWith('AMEDデータ利活用プラットフォーム'))).toBe(false);
    expect(itemsNaming('db-cannds')).toEqual(['1-1-9', '3-1-1', '3-2-3']);
  });

  it('gives one id to a name written with and without spaces or full-width letters', () => {
    expect(patternEntityId('AI 技術を活用した医療機器プログラム')).toBe(patternEntityId('ＡＩ技術を活用した医療機器プログラム'));
    expect(foldText('ＡＭＥＤ（略称）')).toBe('AMED(略称)');
  });
});

describe('curation applied to an extraction', () => {
  it('merges, renames and hides entities; mentions follow the entity they were merged into', () => {
    const cuTarget = patternEntityId('移植医療技術開発研究事業');
    const curated = applyCuration(
      extraction,
      new Map([
        [cuTarget, { id: cuTarget, label: null, mergedInto: 'prog-ninchisho', hidden: false }],
        ['prog-ninchisho', { id: 'prog-ninchisho', label: '認知症研究開発事業(AMED)', mergedInto: null, hidden: false }],
        ['org-amed', { id: 'org-amed', label: null, mergedInto: null, hidden: true }],
      ]),
    );
    expect(curated.entities.has(cuTarget)).toBe(false);
    expect(curated.entities.get('prog-ninchisho')).toMatchObject({ label: '認知症研究開発事業(AMED)', merged: [cuTarget] });
    expect([...new Set(curated.mentions.filter((m) => m.entityId === 'prog-ninchisho').map((m) => m.source))].sort()).toEqual([
      '1-2-2-1',
      '1-2-2-4',
      '3-2-4',
    ]);
    expect(curated.mentions.some((m) => m.entityId === 'org-amed')).toBe(false);
    expect(curated.hiddenMentions.filter((m) => m.entityId === 'org-amed')).toHaveLength(13);
  });

  it('stops at a merge cycle instead of looping', () => {
    const a = 'db-ndb';
    const b = 'db-dpc';
    const curated = applyCuration(
      extraction,
      new Map([
        [a, { id: a, label: null, mergedInto: b, hidden: false }],
        [b, { id: b, label: null, mergedInto: a, hidden: false }],
      ]),
    );
    expect(curated.mentions.length).toBe(extraction.mentions.length);
  });
});

describe('the dictionary file is checked', () => {
  it('refuses one name given to two entities, in Japanese', () => {
    const bad = {
      version: 1,
      entities: [
        { id: 'a', type: 'law', names: ['医療法'] },
        { id: 'b', type: 'law', names: ['医療法'] },
      ],
    };
    expect(() => parseDictionary(bad)).toThrow(/名前「医療法」が「a」と「b」の両方にあります/);
  });

  it('refuses an unknown type, in Japanese', () => {
    expect(() => parseDictionary({ version: 1, entities: [{ id: 'a', type: 'thing', names: ['X'] }] })).toThrow(/辞書の type は/);
  });
});
