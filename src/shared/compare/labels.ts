// What a future bullet says about the work: it goes on (continuation), something starts or is planned
// (new), another body handles it (delegated), or it says nothing beyond "continue steadily"
// (boilerplate).
//
// Precedence, first rule that applies wins:
//   1. delegated    the whole bullet is "<body>で実施" and the like (新産業協議会で実施): nothing else
//                   can be read from it, and a reviewer must see that the work is elsewhere.
//   2. boilerplate  nothing is left once the words of "continue steadily" are removed
//                   (引き続き、事業を着実に進める。). Checked before the continuation cues, because
//                   boilerplate is made of them.
//   3. new          a cue that something starts: 新規, 新たに, 新設, 創設, 開始, 着手, 立ち上げ, 初めて,
//                   or a date it starts from (令和8年度から). Wins over continuation because
//                   "引き続き…とともに、令和8年度から…新規公募を予定する" commits to something new, and
//                   that is what a reviewer looks for.
//   4. continuation 引き続き, 引続き, 継続, 今後も, 着実に, … (引き続き…を検討する stays continuation: the
//                   planning words below are weaker than an explicit "continue").
//   5. new          a planning cue: 予定, 検討, 目指す, 本格, 策定, 導入, 移行, …, or a commitment date
//                   (令和7年度中に, 令和8年度以降, 令和7年度を目途に, 公布後1年6月以内).
//   6. no cue:      a nested bullet takes the label of its parent when the parent has a cue
//                   (引き続き、以下の事業を着実に進める。 - 慢性の痛みに対する…); otherwise continuation if
//                   the bullet links to an action, new if it does not (compare.ts applies both).

import { foldForMatch } from '../text/normalize';
import { wordCutter } from '../text/word-cuts';
import { extractDates, type PlanDate } from './dates';

export type FutureLabel = 'continuation' | 'new' | 'delegated' | 'boilerplate';

/** Which rule decided the label (see the precedence in the file comment). */
export type LabelReason = 'delegated' | 'boilerplate' | 'start' | 'continue' | 'plan' | 'parent' | 'linked' | 'unlinked' | 'empty';

export interface LabelDecision {
  label: FutureLabel;
  reason: LabelReason;
  /** The words that decided, as found in the folded text (新規, 引き続き, 令和8年度から), or null. */
  cue: string | null;
  /** For `delegated`: the body that does the work (新産業協議会). */
  delegatedTo: string | null;
}

const START_CUES = ['新規', '新たに', '新設', '創設', '開始', '着手', '立ち上げ', '立上げ', '初めて'];
const CONTINUE_CUES = ['引き続き', '引続き', '引き続いて', '継続', '今後も', '今後とも', '従来どおり', '従前どおり', '着実に'];
const PLAN_CUES = ['予定', '検討', '目指', '目途', '目処', '見込', '本格', '策定', '導入', '移行', '計画'];

/**
 * The vocabulary of "continue steadily": what may be removed from a bullet before asking whether
 * anything is left. Folded spelling, longest first at use.
 */
const BOILERPLATE_WORDS = [
  '前年度に引き続き',
  '引き続き',
  '引続き',
  '引き続いて',
  '今後とも',
  '今後も',
  '着実に',
  '確実に',
  '適切に',
  '円滑に',
  '一層',
  '更に',
  'さらに',
  '研究開発',
  '研究事業',
  '事業等',
  '本事業',
  '当該事業',
  '事業',
  '研究',
  '開発',
  '取組み',
  '取り組み',
  '取組',
  '取り組',
  '推進',
  '実施',
  '継続',
  '進め',
  '行う',
  '行い',
  '行って',
  '努め',
  '図る',
  '展開',
  '支援',
]
  .map(foldForMatch)
  .sort((a, b) => b.length - a.length);

const cutBoilerplate = wordCutter(BOILERPLATE_WORDS, '|');

/** Hiragana words that carry content (everything else in hiragana is grammar). */
const HIRAGANA_CONTENT = /がん|こども/u;
/** Characters that carry content: kanji, katakana, Latin letters, digits. */
const CONTENT_CHAR = /[\p{Script=Han}\p{Script=Katakana}a-z0-9]/u;

/** Folded text without 【】 tags, (PJn) references and (仮題)/(仮称). */
function stripTags(text: string): string {
  return foldForMatch(text).replace(/【[^】]*】|\((?:pj\d+(?:[,、・]pj\d+)*|仮題|仮称)\)/gu, '');
}

/** Every character of the boilerplate vocabulary. */
const BOILERPLATE_CHARS = new Set([...BOILERPLATE_WORDS.join('')]);

/** Per BMP code: 0 not yet seen, 1 content that no boilerplate word holds, 2 anything else. */
const UNCUTTABLE = new Uint8Array(0x10000);

/**
 * Whether the text holds a content character (CONTENT_CHAR) that no boilerplate word holds: no cut can
 * take it away, so the bullet is not boilerplate, and most bullets are told so without cutting.
 */
function holdsUncuttable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) continue; // half of a pair: left to the full reading
    let kind = UNCUTTABLE[code];
    if (kind === 0) {
      const ch = text[i]!;
      kind = CONTENT_CHAR.test(ch) && !BOILERPLATE_CHARS.has(ch) ? 1 : 2;
      UNCUTTABLE[code] = kind;
    }
    if (kind === 1) return true;
  }
  return false;
}

/** True when the bullet says nothing beyond "continue steadily" (引き続き、事業を着実に進める。). */
export function isBoilerplateText(text: string): boolean {
  return isBoilerplateStripped(stripTags(text));
}

/** isBoilerplateText on text already folded and stripped of tags (classifyFuture strips once). */
function isBoilerplateStripped(stripped: string): boolean {
  let rest = stripped;
  if (!CONTENT_CHAR.test(rest) && !HIRAGANA_CONTENT.test(rest)) return false; // empty: nothing said at all
  if (holdsUncuttable(rest)) return false;
  rest = cutBoilerplate(rest);
  return !CONTENT_CHAR.test(rest) && !HIRAGANA_CONTENT.test(rest);
}

// "<body>で実施", optionally after a topic (…については、), with the body a council, meeting, ministry
// or agency. The whole bullet must be this: a long sentence that mentions a council is not delegated.
const BODY = String.raw`[^、。]{0,30}?(?:協議会|会議|検討会|委員会|審議会|部会|本部|ワーキンググループ|wg|タスクフォース|事務局|省|庁|府|機構|amed)`;
const DELEGATED = new RegExp(
  String.raw`^(?:[^。]{0,40}?(?:については|は)、?)?(${BODY})(?:等)?(?:で|において|にて)` +
    String.raw`(?:実施|対応|検討|議論|取り扱|取扱|扱)(?:する|される|している|中|う|い|われる)?(?:予定)?(?:です)?。?$`,
  'u',
);

/**
 * The words DELEGATED cannot match without (…で実施, …において検討): most bullets lack them, and this
 * test is far cheaper than the full pattern's backtracking over every start.
 */
const DELEGATED_VERB = /(?:で|において|にて)(?:実施|対応|検討|議論|取り扱|取扱|扱)/u;

function delegatedBody(folded: string): string | null {
  return DELEGATED_VERB.test(folded) ? (DELEGATED.exec(folded)?.[1] ?? null) : null;
}

/** The body a bullet hands the work to (新産業協議会), or null when the bullet is not just that. */
export function delegatedTo(text: string): string | null {
  return delegatedBody(stripTags(text));
}

function firstCue(folded: string, cues: readonly string[]): string | null {
  let best: { cue: string; at: number } | null = null;
  for (const cue of cues) {
    const at = folded.indexOf(cue);
    if (at >= 0 && (best === null || at < best.at)) best = { cue, at };
  }
  return best?.cue ?? null;
}

/**
 * Label of one future bullet. `linked` says whether it follows up an action (used only when no
 * cue decides); `dates` may be passed when already extracted.
 */
export function classifyFuture(text: string, linked: boolean, dates: readonly PlanDate[] = extractDates(text)): LabelDecision {
  const folded = stripTags(text);
  if (!CONTENT_CHAR.test(folded) && !HIRAGANA_CONTENT.test(folded)) return decide('boilerplate', 'empty');
  const body = delegatedBody(folded);
  if (body !== null) return decide('delegated', 'delegated', null, body);
  if (isBoilerplateStripped(folded)) return decide('boilerplate', 'boilerplate');

  const commitments = dates.filter((d) => !d.reference);
  const start = firstCue(folded, START_CUES) ?? commitments.find((d) => d.qualifier === 'from')?.text ?? null;
  if (start !== null) return decide('new', 'start', start);
  const cont = firstCue(folded, CONTINUE_CUES);
  if (cont !== null) return decide('continuation', 'continue', cont);
  const plan = firstCue(folded, PLAN_CUES) ?? commitments.find((d) => d.qualifier !== 'at')?.text ?? null;
  if (plan !== null) return decide('new', 'plan', plan);
  return noCue(linked);
}

/**
 * The label of a bullet no rule above decides: continuation when it links to an action, new when not.
 * compareItem asks for the linked one of a bullet first read as unlinked, without reading it again.
 */
export function noCue(linked: boolean): LabelDecision {
  return linked ? decide('continuation', 'linked') : decide('new', 'unlinked');
}

function decide(label: FutureLabel, reason: LabelReason, cue: string | null = null, body: string | null = null): LabelDecision {
  return { label, reason, cue, delegatedTo: body };
}
