import { describe, expect, it } from 'vitest';
import { classifyFuture, delegatedTo, isBoilerplateText } from '../../../src/shared/compare/labels';
import { BOILERPLATE_FUTURES, NOT_BOILERPLATE } from './fixtures';

describe('isBoilerplateText', () => {
  it.each(BOILERPLATE_FUTURES)('boilerplate: %s', (text) => {
    expect(isBoilerplateText(text)).toBe(true);
  });

  it.each(NOT_BOILERPLATE)('not boilerplate: %s', (text) => {
    expect(isBoilerplateText(text)).toBe(false);
  });

  it('ignores ministry and PJ tags and width variants', () => {
    expect(isBoilerplateText('引き続き、事業を着実に推進する【文】。')).toBe(true);
    expect(isBoilerplateText('引き続き　事業を着実に推進する（PJ1）')).toBe(true);
    expect(isBoilerplateText('引き続き取り組む【厚】。')).toBe(true);
  });

  it('counts がん as content and an empty bullet as nothing', () => {
    expect(isBoilerplateText('引き続き、がんの研究事業を推進する。')).toBe(false);
    expect(isBoilerplateText('')).toBe(false);
    expect(isBoilerplateText('【文】。')).toBe(false);
  });
});

describe('delegatedTo', () => {
  it('names the body a bullet hands the work to', () => {
    expect(delegatedTo('新産業協議会で実施')).toBe('新産業協議会');
    expect(delegatedTo('PHRについては、新産業協議会において検討する予定。【経】')).toBe('新産業協議会');
  });

  it('is null for a sentence that only mentions a body or a ministry doing its own work', () => {
    expect(
      delegatedTo(
        'デジタル行財政改革会議のもとに置かれたデータ利活用制度・システム検討会等における議論の結果を踏まえて、医療分野におけるデータの利活用について検討を進める。',
      ),
    ).toBeNull();
    expect(
      delegatedTo(
        '厚生労働省において、休薬・減薬を含む効果的・効率的な治療につながる研究シーズを探索するための調査分析事業を実施しており、当該事業で得られた結果の反映を検討する。',
      ),
    ).toBeNull();
    expect(delegatedTo('第1期事業で構築した基盤を活用し、フィールド実証を実施する。')).toBeNull();
  });
});

describe('classifyFuture: labels and their precedence', () => {
  const label = (text: string, linked = false) => {
    const d = classifyFuture(text, linked);
    return [d.label, d.reason, d.cue];
  };

  it('delegated before everything', () => {
    expect(label('新産業協議会で実施', true)).toEqual(['delegated', 'delegated', null]);
  });

  it('boilerplate before continuation, although it is made of continuation words', () => {
    expect(label('引き続き、事業を着実に進める。', true)).toEqual(['boilerplate', 'boilerplate', null]);
  });

  it('a start cue beats 引き続き (a new commitment is what a reviewer looks for)', () => {
    expect(
      label(
        '引き続き、事業を着実に進めるとともに、令和8年度から「希少難治性疾患における、ゲノムデータの利活用を介した病態解明研究および創薬候補物探索研究（仮題）」の新規公募を予定する【厚】。',
      ),
    ).toEqual(['new', 'start', '新規']);
    expect(label('令和8年度からはリアルワールドに基づく「希少難治性疾患のバイオマーカー確立研究（仮題）」の公募を開始する。')).toEqual([
      'new',
      'start',
      '開始',
    ]);
  });

  it('a start date alone is a start', () => {
    expect(label('令和9年度から、全国のコホートを対象に拡げる。')).toEqual(['new', 'start', '令和9年度から']);
  });

  it('引き続き beats the weaker planning words (引き続き…検討する is continuation)', () => {
    expect(label('引き続き、研究開発データを適切に管理するとともに、AMED DataCatの利用を拡充することを検討する。')).toEqual([
      'continuation',
      'continue',
      '引き続き',
    ]);
    expect(label('引き続き、関係者の意思疎通を継続しつつ、信頼性確保に取り組む。')).toEqual(['continuation', 'continue', '引き続き']);
  });

  it('planning words and commitment dates make a new direction', () => {
    expect(label('社会保険診療報酬支払基金の改組は、法案が成立すれば、公布後 1 年 6 月以内に行うこととしている。')).toEqual([
      'new',
      'plan',
      '公布後 1 年 6 月以内',
    ]);
    expect(
      label(
        'データマネジメントの観点では、複数の民間PHRサービスやシステムを介し、PHRのデータ閲覧や活用を行うにあたり、既存のデータ交換規格の特色及び、PHRの標準化に係る国際動向を踏まえ、相互運用性を確保する仕組みを検討する。',
      ),
    ).toEqual(['new', 'plan', '検討']);
  });

  it('a reference date is not a commitment', () => {
    expect(label('令和 7 年度の取組を踏まえ、体制を見直す。', true)).toEqual(['continuation', 'linked', null]);
  });

  it('without any cue: continuation when linked to an action, new when not', () => {
    const text = 'NCBN試料のゲノム情報の活用体制強化を進め、主要なバイオバンクとの共通プラットフォームを整備する。【厚】';
    expect(label(text, true)).toEqual(['continuation', 'linked', null]);
    expect(label(text, false)).toEqual(['new', 'unlinked', null]);
  });

  it('an empty bullet is boilerplate for the reason empty', () => {
    expect(label('  ')).toEqual(['boilerplate', 'empty', null]);
  });
});
