import { describe, expect, it } from 'vitest';
import { cleanBulletText, splitCell, splitSentences, stripMarkup } from '../../../src/shared/text/bullets';

const UL = '<ul style="list-style-type: none">';
const texts = (raw: string): string[] => splitCell(raw).bullets.map((b) => b.text);
const levels = (raw: string): number[] => splitCell(raw).bullets.map((b) => b.level);

describe('splitCell: explicit markers', () => {
  it('splits on ・ with spaces, as in 大項目1 中項目1 ①', () => {
    const cell = `${UL} ・ 先端ゲノム研究を推進する【文】。 ・ 機能解析を行う【厚】。 `;
    expect(splitCell(cell)).toEqual({
      bullets: [
        { text: '先端ゲノム研究を推進する【文】。', level: 0 },
        { text: '機能解析を行う【厚】。', level: 0 },
      ],
      inferred: [],
    });
  });

  it('splits on • and ● with or without a space before them', () => {
    expect(texts(`${UL}• Aを推進する。特に、Bを行う【厚】。• Cを進める【文】。`)).toEqual([
      'Aを推進する。特に、Bを行う【厚】。',
      'Cを進める【文】。',
    ]);
    expect(texts(`${UL}● Aを進める。● Bを進める。【AMED】`)).toEqual(['Aを進める。', 'Bを進める。【AMED】']);
    expect(texts('●A。●B。')).toEqual(['A。', 'B。']);
  });

  it('splits on a ・ that starts the cell or follows a sentence end without a space', () => {
    expect(texts('・Aを行う。・Bを行う。')).toEqual(['Aを行う。', 'Bを行う。']);
  });

  it('never takes the 中黒 inside a word for a marker', () => {
    expect(texts(`${UL}整備・発展・利活用を進める。`)).toEqual(['整備・発展・利活用を進める。']);
  });

  it('splits on <li> and on "- " lines, nesting indented lines', () => {
    expect(texts('<ul><li>A。</li><li>B。</li></ul>')).toEqual(['A。', 'B。']);
    expect(splitCell('- 以下を盛り込んだ。\n - ①措置A\n - ②措置B').bullets).toEqual([
      { text: '以下を盛り込んだ。', level: 0 },
      { text: '①措置A', level: 1 },
      { text: '②措置B', level: 1 },
    ]);
  });
});

describe('splitCell: markup', () => {
  it('strips <ul …>, <p>, </p>, <li>, **, <br> and entities from the text', () => {
    const out = texts(`<p>**前文**です。</p>${UL}<li>A &amp; B<br>続き。</li>`);
    // <br> is a line break inside the bullet; Japanese joins across it without a space.
    expect(out).toEqual(['前文です。', 'A & B続き。']);
    for (const t of out) expect(t).not.toMatch(/[<>]|\*\*/);
  });

  it('nests the list under a lead-in paragraph (<p>…以下の取組…</p><ul>…)', () => {
    const cell = `<p>以下の取組を推進する。</p> ${UL} Aを開始する。 Bの準備を進める。 `;
    expect(splitCell(cell).bullets).toEqual([
      { text: '以下の取組を推進する。', level: 0 },
      { text: 'Aを開始する。', level: 1 },
      { text: 'Bの準備を進める。', level: 1 },
    ]);
  });

  it('nests a list opened inside a list, and circled sub-points under the bullet before them', () => {
    const cell = `${UL} 取組を推進している。 【取組の例】 ${UL} ①専門家 →「事業A」等 ②上記①に加え、専門家 →「事業B」 `;
    expect(splitCell(cell).bullets).toEqual([
      { text: '取組を推進している。', level: 0 },
      { text: '【取組の例】', level: 0 },
      { text: '①専門家 →「事業A」等', level: 1 },
      { text: '②上記①に加え、専門家 →「事業B」', level: 1 },
    ]);
  });
});

describe('splitCell: the space left where a marker was', () => {
  it('cuts at a space after 。 and keeps sentences without a space together', () => {
    const cell = `${UL} Aを整備する。特に、Bを強化する【文】。 Cの公募を行う【厚】。  `;
    expect(splitCell(cell)).toEqual({
      bullets: [
        { text: 'Aを整備する。特に、Bを強化する【文】。', level: 0 },
        { text: 'Cの公募を行う【厚】。', level: 0 },
      ],
      inferred: ['spacing'],
    });
  });

  it('cuts at a space after a tag that follows 。 (…強化する。【文】 NCBN…)', () => {
    expect(texts(`${UL} Aを強化する。【文】 Bを強化する。【厚】 `)).toEqual(['Aを強化する。【文】', 'Bを強化する。【厚】']);
  });

  it('does not cut at spaces inside a sentence (令和 7 年 2 月) or inside brackets', () => {
    expect(texts(`${UL} 令和 7 年 2 月から開始する。 （以下「法案」という。 ）を提出した。`)).toEqual([
      '令和 7 年 2 月から開始する。',
      '（以下「法案」という。 ）を提出した。',
    ]);
  });

  it('reports nothing inferred for a single bullet', () => {
    expect(splitCell(`${UL} 引き続き、事業を着実に進める。  `)).toEqual({
      bullets: [{ text: '引き続き、事業を着実に進める。', level: 0 }],
      inferred: [],
    });
  });
});

describe('splitCell: sentences run together', () => {
  it('closes a bullet at a ministry tag before 。 and keeps untagged sentences with the next tag', () => {
    const cell = `${UL}Aを推進する【こ】。Bを実現させる【厚】。Cを継続する。またDを行う【厚】。`;
    expect(splitCell(cell)).toEqual({
      bullets: [
        { text: 'Aを推進する【こ】。', level: 0 },
        { text: 'Bを実現させる【厚】。', level: 0 },
        { text: 'Cを継続する。またDを行う【厚】。', level: 0 },
      ],
      inferred: ['tags'],
    });
  });

  it('closes a bullet at a tag right after 。 (…行っている。【こ】女性が…)', () => {
    expect(texts(`${UL}Aを行っている。【こ】Bを実現させる。【厚】`)).toEqual(['Aを行っている。【こ】', 'Bを実現させる。【厚】']);
  });

  it('without tags, starts a bullet at each sentence except continuations (また, 特に, そのため …)', () => {
    const cell = `${UL}Aを図る。また、Bを実施する。Cを推進する。Dに取り組む。`;
    expect(splitCell(cell)).toEqual({
      bullets: [
        { text: 'Aを図る。また、Bを実施する。', level: 0 },
        { text: 'Cを推進する。', level: 0 },
        { text: 'Dに取り組む。', level: 0 },
      ],
      inferred: ['sentences'],
    });
  });

  it('keeps a sentence that states a situation with the action that follows it', () => {
    // 認知症 ④: background (…示唆されている。…多い。) then the action; then a second paragraph.
    const cell = `${UL}AとBの関連が示唆されている。しかしCは多い。Dを開発に繋げる。Eは保険収載に至っていない。Fを行う。`;
    expect(texts(cell)).toEqual(['AとBの関連が示唆されている。しかしCは多い。Dを開発に繋げる。', 'Eは保険収載に至っていない。Fを行う。']);
  });

  it('does not end a sentence at a 。 inside brackets', () => {
    expect(splitSentences('A（以下「B」という。）を提出した。Cを行う。')).toEqual(['A（以下「B」という。）を提出した。', 'Cを行う。']);
  });

  it('splits a run of noun phrases without 。 before each repeat of its opening', () => {
    const cell = `<p>以下の事業を進める。</p> ${UL}慢性の痛みに対する評価法の開発慢性の痛みに対する治療法の開発慢性の痛みに対するエビデンス構築`;
    expect(splitCell(cell)).toEqual({
      bullets: [
        { text: '以下の事業を進める。', level: 0 },
        { text: '慢性の痛みに対する評価法の開発', level: 1 },
        { text: '慢性の痛みに対する治療法の開発', level: 1 },
        { text: '慢性の痛みに対するエビデンス構築', level: 1 },
      ],
      inferred: ['repeated-phrase'],
    });
  });

  it('leaves a short phrase without 。 alone', () => {
    expect(splitCell(`${UL} 新産業協議会で実施 `)).toEqual({ bullets: [{ text: '新産業協議会で実施', level: 0 }], inferred: [] });
  });
});

describe('splitCell: empty input', () => {
  it('gives no bullets for an empty or markup-only cell', () => {
    expect(splitCell('')).toEqual({ bullets: [], inferred: [] });
    expect(splitCell(`${UL}  `)).toEqual({ bullets: [], inferred: [] });
    expect(splitCell('<p></p> ・ ')).toEqual({ bullets: [], inferred: [] });
  });
});

describe('cleanBulletText / stripMarkup', () => {
  it('removes leading markers and collapses white space', () => {
    expect(cleanBulletText('  ・ A　 B  ')).toBe('A B');
    expect(cleanBulletText('- A')).toBe('A');
    expect(cleanBulletText('• ● A')).toBe('A');
  });

  it('joins a line cut in a Japanese word without a space, Latin words with one', () => {
    expect(cleanBulletText('そのため\nの基盤')).toBe('そのための基盤');
    expect(cleanBulletText('AMED\nDataCat')).toBe('AMED DataCat');
  });

  it('strips tags and emphasis', () => {
    expect(stripMarkup('<p>⑩認知症【厚】</p>')).toBe('⑩認知症【厚】');
    expect(stripMarkup('改組する。**【厚】**')).toBe('改組する。【厚】');
  });
});

describe('splitCell: levels', () => {
  it('keeps top-level bullets at 0', () => {
    expect(levels(`${UL}● A。● B。`)).toEqual([0, 0]);
  });
});
