// Files that try to make an import use gigabytes, generated from nothing, for the memory tests
// (tests/integration/import-memory.test.ts) and `npm run bench` (scripts/bench/hostile.ts). Each is
// written straight as XML in a zip, without exceljs, so building one takes well under a second and
// the file is exactly as hostile as described.
import { randomBytes } from 'node:crypto';
import { storedZip } from '../excel/zip-check';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const xmlText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface SheetSpec {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** Rows of cells (shared-string texts). */
  rows: Iterable<string[]>;
}

/**
 * A workbook of shared-string cells, as exceljs and Excel write them. `workbookExtra` goes inside
 * <workbook> after <sheets> (defined names).
 */
export function sharedStringWorkbook(sheets: SheetSpec[], workbookExtra = ''): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (t: string) => {
    let i = index.get(t);
    if (i === undefined) {
      i = strings.length;
      strings.push(`<si><t xml:space="preserve">${xmlText(t)}</t></si>`);
      index.set(t, i);
    }
    return i;
  };
  const sheetParts = sheets.map((s, n): [string, string] => {
    const out: string[] = [];
    let r = 0;
    for (const cells of s.rows) {
      r += 1;
      const cs = cells.map((t, c) => (t === '' ? '' : `<c r="${colName(c)}${r}" t="s"><v>${sst(t)}</v></c>`)).join('');
      out.push(`<row r="${r}">${cs}</row>`);
    }
    return [
      `xl/worksheets/sheet${n + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${out.join('')}</sheetData></worksheet>`,
    ];
  });
  const sheetList = sheets
    .map((s, n) => `<sheet name="${xmlText(s.name)}" sheetId="${n + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n + 1}"/>`)
    .join('');
  const rels = sheets
    .map((_, n) => `<Relationship Id="rId${n + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${n + 1}.xml"/>`)
    .join('');
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS} xmlns:r="${REL}"><sheets>${sheetList}</sheets>${workbookExtra}</workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
        `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ...sheetParts,
    [
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`,
    ],
  ];
  return storedZip(
    parts.map(([name, body]) => [name, Buffer.from(body, 'utf8')]),
    true,
  );
}

/** A uuid that is the same for the same n (a file made twice holds the same annotations). */
function uuidOf(n: number, salt = 0): string {
  const h = (n * 2654435761 + salt * 40503) >>> 0;
  const hex = (h.toString(16).padStart(8, '0') + n.toString(16).padStart(12, '0')).slice(0, 20).padEnd(20, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${n.toString(16).padStart(12, '0')}`;
}

const ANNOTATION_HEADERS = [
  '管理番号',
  '小項目',
  '欄',
  '引用',
  '所在',
  '種類',
  '色',
  'コメント',
  '返信',
  'タグ',
  '状態',
  '作成者',
  '作成日時',
  '更新日時',
  '注釈ID',
  '記録(編集しないでください)',
];

/**
 * A shared annotations file of `rows` annotations (on the real plan's first items, cycling), as the
 * export writes it: one sheet of rows with the hidden id and record columns. `commentChars` sets the
 * size of each comment; the records are all valid, so a file within the limits imports.
 */
export function annotationWorkbook(rows: number, options: { commentChars?: number; itemKeys?: readonly string[] } = {}): Buffer {
  const keys = options.itemKeys ?? ['1-1-1', '1-1-2', '1-1-3', '1-2-1'];
  const filler = '確認をお願いします。'.repeat(Math.ceil((options.commentChars ?? 60) / 10)).slice(0, options.commentChars ?? 60);
  function* data(): Generator<string[]> {
    yield ANNOTATION_HEADERS;
    for (let n = 0; n < rows; n++) {
      const time = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
      const core = {
        id: uuidOf(n),
        itemKey: keys[n % keys.length]!,
        field: null,
        bulletIndex: null,
        anchor: null,
        kind: 'comment',
        color: 'yellow',
        comment: `${filler}(${n})`,
        tags: ['要確認'],
        status: 'open',
        author: '委員A',
        createdAt: time,
        updatedAt: time,
        deletedAt: null,
      };
      yield [
        core.itemKey,
        '',
        '項目全体',
        '',
        '',
        'コメント',
        '黄',
        core.comment,
        '',
        '要確認',
        '未対応',
        '委員A',
        time,
        time,
        core.id,
        JSON.stringify(core),
      ];
    }
  }
  return sharedStringWorkbook([
    { name: '注釈', rows: data() },
    {
      name: '返信',
      rows: [['管理番号', 'コメント', '返信者', '返信', '状態', '作成日時', '更新日時', '注釈ID', '返信ID', '記録(編集しないでください)']],
    },
    { name: '_meta', state: 'veryHidden', rows: [['format', 'council-desk/annotations/1']] },
  ]);
}

/**
 * Text deflate shrinks only ~10×, far under the zip check's ratio limit: random picks from a pool of
 * random words. A 100 MB part then fits a file of a few MB.
 */
function wordyText(chars: number): string {
  const pool = Array.from({ length: 16 }, () => randomBytes(24).toString('base64').replace(/[+/=]/g, 'x'));
  const picks = randomBytes(Math.ceil(chars / 32));
  const out: string[] = [];
  for (const b of picks) out.push(pool[b & 15]!);
  return out.join('').slice(0, chars);
}

/** A small workbook whose workbook.xml carries one defined name of `bytes` bytes. */
export function definedNameWorkbook(bytes: number): Buffer {
  const name = `<definedNames><definedName name="huge">${wordyText(bytes)}</definedName></definedNames>`;
  return sharedStringWorkbook(
    [
      {
        name: '回答',
        rows: [
          ['管理番号', '令和7年度の取組'],
          ['1-1-1', '・取組'],
        ],
      },
    ],
    name,
  );
}

/** A small sheet whose shared-strings part holds `count` distinct strings of `chars` characters each. */
export function sharedStringsWorkbook(count: number, chars: number): Buffer {
  const noise = wordyText(chars + count);
  function* data(): Generator<string[]> {
    yield ['管理番号', '令和7年度の取組'];
    for (let i = 0; i < count; i++) yield ['', noise.slice(i, i + chars)];
  }
  return sharedStringWorkbook([{ name: '回答', rows: data() }]);
}

/** A source text file of `bytes` bytes that looks like the follow-up table (so it is not refused by its kind). */
export function bigPlanText(bytes: number): string {
  const head = '大項目 小項目\n1 医療分野の研究開発\n';
  const line = '・令和7年度に取組を推進する。研究開発の成果を社会に実装する。\n';
  return head + line.repeat(Math.ceil((bytes - head.length) / Buffer.byteLength(line)));
}

/** A sheet of `rows` × `cols` one-letter cells: the most cells per byte of XML. */
export function manyCellsWorkbook(rows: number, cols: number): Buffer {
  function* data(): Generator<string[]> {
    yield ['管理番号', '令和7年度の取組'];
    for (let i = 1; i < rows; i++) yield Array.from({ length: cols }, () => 'x');
  }
  return sharedStringWorkbook([{ name: '回答', rows: data() }]);
}
