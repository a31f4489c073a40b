// Derives a reading (comparator, number, unit, deadline …) from a 指标值 exactly as the approved
// document wrote it. The raw text stays the record: anything not read with confidence is 'unreadable'.
// Tables that split 指标性质, 指标值, 度量单位 and 指标方向性 into columns read through readIndicatorCells.

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** `quantitative` has a number, or a baseline in place of one (`≥1往年`). */
export type IndicatorValueKind = 'quantitative' | 'qualitative' | 'deadline' | 'unreadable';

export interface Deadline {
  /** Only when the document names it (`2023年12月底前`). */
  year?: number;
  month: number;
  day?: number;
  /** `11月底前`, `年底前`: by the end of the month, as opposed to `11月前`. */
  endOfMonth?: boolean;
}

export interface IndicatorValueReading {
  /** Exactly the input, never trimmed or rewritten. */
  raw: string;
  kind: IndicatorValueKind;
  /** `'='` when a bare number is written (`100%`, `1个`). */
  comparator?: Comparator;
  /** Always finite; absent for baseline comparisons. */
  number?: number;
  /** `'%'` for %, ％, 百分百, 百分比; otherwise a whitelisted unit as written (`万元`, `元/人`). */
  unit?: string;
  /** `≥1往年`: compared with last year's level; the `1` is a template artefact, not a count. */
  baseline?: 'lastYear';
  deadline?: Deadline;
  /** From a 指标方向性 column only: 反向 means lower is better. */
  direction?: 'positive' | 'negative';
  /** Short Chinese explanation for readers: why unreadable, or what a baseline means. */
  note?: string;
}

/** 指标性质 as one cell: a comparator, 定性, 'invalid' for anything else, undefined when empty. */
export type Nature = Comparator | 'qualitative' | 'invalid';

/** The columns of one indicator row in the layouts that split the value (四川, 重庆 …). */
export interface IndicatorCells {
  /** 指标性质: `≥`, `≤`, `=`, `定性` … */
  nature?: string;
  /** 指标值: often a bare number (`95.00`), may carry its own comparator or unit. */
  value: string;
  /** 度量单位 / 计量单位. */
  unit?: string;
  /** 指标方向性: 正向指标 / 反向指标. */
  direction?: string;
}

// Longest first, so that 大于等于 wins over 大于 and >= over >.
const COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['>=', '>='], ['=>', '>='], ['≥', '>='], ['≧', '>='], ['⩾', '>='],
    ['<=', '<='], ['=<', '<='], ['≤', '<='], ['≦', '<='], ['⩽', '<='],
    ['>', '>'], ['<', '<'], ['=', '='],
    ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='],
    ['小于或等于', '<='], ['小于等于', '<='], ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['不多于', '<='], ['至多', '<='],
    ['大于', '>'], ['高于', '>'], ['多于', '>'], ['超过', '>'],
    ['小于', '<'], ['低于', '<'], ['少于', '<'],
    ['等于', '='],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length);

// 以上/以下/以内 include the number itself (民法典 第一千二百五十九条).
const SUFFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['以上', '>='], ['以下', '<='], ['以内', '<='], ['内', '<='],
];

/**
 * Units accepted after a number. A word outside this list is not a unit, which is how template
 * garbage such as `≤1总吨数` is caught. `月` is left out on purpose: `11月` names November, a
 * duration is written `11个月`.
 */
export const MEASUREMENT_UNITS: readonly string[] = [
  '%', '‰', '百分点', '个百分点', '分',
  '个', '次', '人', '万人', '人次', '万人次', '户', '家', '项', '件', '座', '台', '台次', '套', '辆',
  '处', '条', '所', '份', '册', '场', '批', '眼', '口', '村', '棵', '株', '只', '头', '间', '栋',
  '篇', '期', '张', '本', '名', '位', '块', '盏', '根', '类', '种', '班', '宗', '起', '例',
  '元', '千元', '万元', '亿元',
  '米', '延米', '千米', '公里', '厘米', '毫米', '平方米', '万平方米', '平方公里', '立方米', '万立方米', '亩', '万亩', '公顷',
  '㎡', 'm²', 'm³', 'km', 'cm', 'mm', 'kg', '克', '千克', '公斤', '吨', '万吨',
  '天', '日', '工作日', '个工作日', '年', '个月', '周', '小时', '分钟',
];
const UNIT_SET = new Set(MEASUREMENT_UNITS);
const PERCENT_ALIASES = new Set(['%', '百分百', '百分比']);
// Only as a denominator (`元/月`) is 月 unambiguous.
const DENOMINATOR_EXTRA = new Set(['月']);

const BASELINE = /^1?(?:往年|上年|去年|上一年|上年度|上年同期|去年同期)(?:水平)?$/;

// The short words published tables write as a target (`可控`, `及时`, `达标`, `通过`): a word of two
// or three characters is read as one only from this list, since most such texts are labels or nouns.
const QUALITATIVE_WORDS = new Set([
  '是', '否', '优', '良', '优秀', '优良', '良好', '较好', '好', '合格', '合规', '达标', '符合', '符合要求',
  '全覆盖', '零投诉', '无投诉', '按时', '规范', '符合标准', '符合规定', '及时', '准时', '完成', '全部完成', '及时完成', '有效', '明显', '显著', '满意',
  '基本满意', '正常', '正常运转', '稳定', '保持稳定', '持续', '长期', '安全', '无事故', '零事故',
  '可控', '受控', '通过', '到位', '准确', '完善', '健全', '完好', '畅通', '整洁', '有序', '齐全', '落实', '足额', '高效', '可靠',
]);
const QUALITATIVE_PATTERNS = [
  /^(?:有所|明显|显著|稳步|逐步|进一步|持续|不断|大幅|有效)?(?:提升|提高|改善|增强|增加|增长|降低|减少|下降|优化|加强|好转)$/,
  /^按(?:计划|时|期|要求|规定|标准|合同|进度)(?:实施|完成|执行|推进|开展|进行|拨付)?$/,
];

/**
 * Text a template leaves for the writer to replace, or writes instead of a value. A cell holding
 * one of these (case aside) is not a target, however it reads otherwise.
 */
export const TEMPLATE_PLACEHOLDERS: readonly string[] = [
  '目标内容', '指标内容', '指标值', '目标值', '请填写', '此处填写', '请输入', '待定', '暂无', 'XXX', '×××', '某某',
];

/*
 * A free phrase (`群众生活条件得到改善`, `规范使用资金`) is a qualitative target when it
 *  - has no digit: a number mixed into words (`提高5个百分点`, `完成3个村`) is a measurable value
 *    written loosely, and reading it would be guessing;
 *  - has at least four Han characters: shorter texts are labels or nouns (`预算`, `满意度`, `无`),
 *    and the short words real documents use as targets (`及时`, `达标`) are listed above;
 *  - is only Han, Latin letters (`AAA级`) and Chinese punctuation: no symbols, no emoji;
 *  - does not start with a comparator (`≥`, `不低于`): a comparison needs a number or a baseline;
 *  - holds no template placeholder, and is at most MAX_PHRASE_LENGTH characters (longer is prose).
 */
// Full-width ，：；（） arrive here half-width.
const PHRASE = /^[\p{Script=Han}A-Za-z,:;、“”‘’《》()·—]+$/u;
const MIN_PHRASE_HAN = 4;
const MAX_PHRASE_LENGTH = 50;
// `/`, `-`, `……`: the conventional marks for "nothing to write".
const ONLY_PUNCTUATION = /^[\p{P}~]+$/u;

const MONTH_DEADLINE = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|(底|末))?(前|之前|以前)?(完成|完工)?$/;
const YEAR_END_DEADLINE = /^(?:(\d{4})|本|当)?年度?(?:底|末|内)(?:前|之前|以前)?(?:完成|完工)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const RANGE_AFTER_NUMBER = /^[^\d]{0,6}?[-~～〜至到—–]\d/;
// Beyond 15 significant digits a double no longer holds the written number exactly.
const MAX_SIGNIFICANT_DIGITS = 15;
// Real values are short; a long cell is prose, and reading it would be guessing.
const MAX_LENGTH = 200;

export function readIndicatorValue(raw: string): IndicatorValueReading {
  try {
    return read(raw);
  } catch {
    // A bug here must never stop the approved text from being published.
    return { raw, kind: 'unreadable', note: '无法识别的写法' };
  }
}

/**
 * Reads one indicator row whose 指标性质, 指标值, 度量单位 and 指标方向性 sit in their own columns.
 * `≥` + `95` + `%` reads as `≥95%`; `raw` is the 指标值 cell exactly as written.
 */
export function readIndicatorCells(cells: IndicatorCells): IndicatorValueReading {
  // Importers pass what the spreadsheet held: a number cell must not become a crash.
  const value: unknown = cells?.value;
  const raw = typeof value === 'string' ? value : String(value ?? '');
  try {
    return readCells(raw, cells);
  } catch {
    return { raw, kind: 'unreadable', note: '无法识别的写法' };
  }
}

function readCells(raw: string, cells: IndicatorCells): IndicatorValueReading {
  const unreadable = (note: string): IndicatorValueReading => ({ raw, kind: 'unreadable', note });
  const nature = readNature(cells.nature ?? '');
  if (nature === 'invalid') return unreadable('指标性质无法识别');
  const direction = readDirection(cells.direction ?? '');
  if (direction === 'invalid') return unreadable('指标方向性只能是正向或反向');

  if (nature === 'qualitative') {
    // 定性 says what the value is, whatever words it uses; only an empty cell says nothing.
    const reading: IndicatorValueReading = /^[\s|｜]*$/.test(raw) ? unreadable('未填写') : { raw, kind: 'qualitative' };
    return withDirection(reading, direction);
  }

  let unit: string | undefined;
  const unitText = bare(String(cells.unit ?? ''));
  if (unitText !== '') {
    unit = readUnit(unitText.replace(/^\((.+)\)$/, '$1'));
    if (unit === undefined) return unreadable('计量单位无法识别');
  }
  return withDirection(read(raw, { comparator: nature, unit }), direction);
}

// Full-width forms (＞＝９０％, ｜, （）) to ASCII; ideographic and no-break spaces to plain spaces.
function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ');
}

// A cell with its spaces and column bars removed, as read.
function bare(text: string): string {
  return halfWidth(text).replace(/[\s|]+/g, '');
}

/** What the other columns of a split row say about the value. */
interface Columns {
  comparator?: Comparator;
  unit?: string;
}

function read(raw: string, columns: Columns = {}): IndicatorValueReading {
  const unreadable = (note: string): IndicatorValueReading => ({ raw, kind: 'unreadable', note });
  if (raw.length > MAX_LENGTH) return unreadable('内容过长');

  const halfWidthText = halfWidth(raw);
  // `9 0` could be one number or two: don't pick.
  if (/\d[\s|]+\d/.test(halfWidthText)) return unreadable('数字之间有空格或分隔符');
  // Cells split over columns (`≥ | 95 | %`) read as one value.
  const text = halfWidthText.replace(/[\s|]+/g, '').replace(/[。；;]+$/, '');
  if (text === '') return unreadable('未填写');

  // A split row reads like the joined text: `≥` + `及时` is `≥及时`, a comparison without a number.
  const withoutNumber = (reading: IndicatorValueReading): IndicatorValueReading =>
    columns.comparator !== undefined ? unreadable('比较符号后没有数字')
      : columns.unit !== undefined ? unreadable('计量单位前没有数字')
        : reading;

  if (QUALITATIVE_WORDS.has(text) || QUALITATIVE_PATTERNS.some((p) => p.test(text))) {
    return withoutNumber({ raw, kind: 'qualitative' });
  }

  // A time limit reads as one whatever the other columns say: its 前 or 底 carries the meaning.
  const deadline = readDeadline(text);
  if (deadline === 'invalid') return unreadable('日期不存在');
  if (deadline === 'bareDate') return unreadable('只写了日期，未写明是否为完成时限');
  if (deadline) return { raw, kind: 'deadline', deadline };

  // `±3%以内`: a deviation either way, which no one comparator says.
  if (/^[±]/.test(text)) return unreadable('正负偏差写法，未解读');

  const prefix = COMPARATORS.find(([word]) => text.startsWith(word));
  let rest = prefix ? text.slice(prefix[0].length) : text;
  if (prefix && columns.comparator !== undefined && prefix[1] !== columns.comparator) {
    return unreadable('比较符号前后矛盾');
  }
  const written = prefix?.[1] ?? columns.comparator;

  if (BASELINE.test(rest)) {
    // A unit column is ignored here: there is no number for it to measure.
    return written
      ? { raw, kind: 'quantitative', comparator: written, baseline: 'lastYear', note: '与往年比较' }
      : unreadable('与往年比较但缺少比较符号');
  }

  const numberText = NUMBER.exec(rest)?.[0];
  if (numberText === undefined) {
    if (written) return unreadable('比较符号后没有数字');
    return withoutNumber(readWords(raw, text));
  }
  const significant = numberText.replace(/[,.]/g, '').replace(/^0+/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS) return unreadable('数字位数过多');
  const number = Number(numberText.replace(/,/g, ''));
  if (!Number.isFinite(number)) return unreadable('无法识别的写法');
  rest = rest.slice(numberText.length);

  if (RANGE_AFTER_NUMBER.test(rest)) return unreadable('区间写法，未解读');
  if (/^[\d,.]/.test(rest)) return unreadable('数字写法无法识别');

  let comparator = written;
  const suffix = SUFFIX_COMPARATORS.find(([word]) => rest.endsWith(word));
  if (suffix) {
    if (comparator !== undefined && comparator !== suffix[1]) return unreadable('比较符号前后矛盾');
    comparator = suffix[1];
    rest = rest.slice(0, -suffix[0].length);
  }
  comparator ??= '=';

  // Exported tables put the unit in brackets: `90.00(%)`, `95（%）` (already half-width here).
  rest = rest.replace(/^\((.+)\)$/, '$1');
  // `250万`: ten thousand of what (万元, 万人 …) is not written.
  if (rest === '万') return unreadable('“万”后没有写单位（万元、万人……）');
  if (rest === '') {
    return columns.unit === undefined
      ? { raw, kind: 'quantitative', comparator, number }
      : { raw, kind: 'quantitative', comparator, number, unit: columns.unit };
  }
  const unit = readUnit(rest);
  if (unit === undefined) return unreadable('数值后不是计量单位');
  if (columns.unit !== undefined && columns.unit !== unit) return unreadable('计量单位前后矛盾');
  return { raw, kind: 'quantitative', comparator, number, unit };
}

// Text with no number in front: a free qualitative phrase, or template text and garbage.
function readWords(raw: string, text: string): IndicatorValueReading {
  const unreadable = (note: string): IndicatorValueReading => ({ raw, kind: 'unreadable', note });
  const upper = text.toUpperCase();
  if (TEMPLATE_PLACEHOLDERS.some((p) => upper.includes(p))) return unreadable('模板示例文字');
  if (ONLY_PUNCTUATION.test(text)) return unreadable('未填写');
  if (/\d/.test(text) || !PHRASE.test(text)) return unreadable('无法识别的写法');
  if ((text.match(/\p{Script=Han}/gu)?.length ?? 0) < MIN_PHRASE_HAN) return unreadable('无法识别的写法');
  if (text.length > MAX_PHRASE_LENGTH) return unreadable('文字过长，不像指标值');
  return { raw, kind: 'qualitative' };
}

function readUnit(text: string): string | undefined {
  if (PERCENT_ALIASES.has(text)) return '%';
  if (UNIT_SET.has(text)) return text;
  // Rates such as 元/人, 人次/年 or 元/人*月 (per person and month): every part must be a unit on its own.
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [first, ...per] = parts;
  if (first === undefined || !UNIT_SET.has(first)) return undefined;
  const denominator = (p: string) => UNIT_SET.has(p) || DENOMINATOR_EXTRA.has(p);
  return per.every((p) => p.split(/[*·×]/).every(denominator)) ? text : undefined;
}

function readDeadline(text: string): Deadline | 'invalid' | 'bareDate' | undefined {
  const yearEnd = YEAR_END_DEADLINE.exec(text);
  if (yearEnd) return { ...(yearEnd[1] ? { year: Number(yearEnd[1]) } : {}), month: 12, endOfMonth: true };

  // `2023年` names a year, not a quantity of 2,023 years; `2021年全年` the whole of one.
  if (/^\d{4}年(?:全年|度)?$/.test(text)) return 'bareDate';
  const m = MONTH_DEADLINE.exec(text);
  if (!m) return undefined;
  const [, year, month, day, endOfMonth, before, done] = m;
  // A bare date (`12月31日`) may be a date, not a time limit: it needs 前, 底 or 完成.
  if (!endOfMonth && !before && !done) return 'bareDate';
  const monthNumber = Number(month);
  const dayNumber = day === undefined ? undefined : Number(day);
  if (monthNumber < 1 || monthNumber > 12) return 'invalid';
  if (dayNumber !== undefined && (dayNumber < 1 || dayNumber > (DAYS_IN_MONTH[monthNumber - 1] ?? 0))) {
    return 'invalid';
  }
  return {
    ...(year ? { year: Number(year) } : {}),
    month: monthNumber,
    ...(dayNumber !== undefined ? { day: dayNumber } : {}),
    ...(endOfMonth ? { endOfMonth: true } : {}),
  };
}

/** The spellings a 指标性质 cell may use, as written (full-width forms included). */
export const NATURE_VALUES: readonly string[] = [
  '≥', '≤', '=', '＞', '＜', '>', '<', '>=', '<=', '＞＝', '＜＝', '＝', '≧', '≦',
  '大于等于', '大于或等于', '小于等于', '小于或等于', '等于', '大于', '小于', '不低于', '不高于', '不少于', '不超过',
  '定性',
];
// Keyed by the half-width form, so that ＞＝ and >= are one spelling.
const NATURES = new Map<string, Comparator | 'qualitative'>();
for (const spelling of NATURE_VALUES) {
  const key = bare(spelling);
  const comparator = key === '定性' ? 'qualitative' : COMPARATORS.find(([word]) => word === key)?.[1];
  if (comparator) NATURES.set(key, comparator);
}

/** Reads a 指标性质 cell: undefined when empty, 'invalid' for anything not in NATURE_VALUES (`≈`, `约`). */
export function readNature(text: string): Nature | undefined {
  const key = bare(String(text ?? ''));
  if (key === '') return undefined;
  return NATURES.get(key) ?? 'invalid';
}

/** The Chinese message for an importer or validator to show, or undefined when the cell is fine. */
export function natureProblem(text: string): string | undefined {
  if (readNature(text) !== 'invalid') return undefined;
  return `指标性质“${String(text).trim()}”无法识别：只能写 ≥、≤、=、＞、＜ 或 定性`;
}

function readDirection(text: string): 'positive' | 'negative' | 'invalid' | undefined {
  const key = bare(String(text ?? ''));
  if (key === '') return undefined;
  // `正向指标`, `正向`, and their longer spellings (`正向（越大越好）`).
  if (key.startsWith('正向')) return 'positive';
  if (key.startsWith('反向')) return 'negative';
  return 'invalid';
}

const COMPARATOR_WORDS: Record<Comparator, string> = {
  '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '=': '等于',
};

// 反向: lower is better, so the written value is a ceiling. A floor (`≥`) contradicts the column.
// 正向 with `≤` is left alone: many tables mark every row 正向, cost ceilings included.
function withDirection(r: IndicatorValueReading, direction: 'positive' | 'negative' | undefined): IndicatorValueReading {
  if (direction === undefined || r.kind === 'unreadable') return r;
  if (direction === 'positive' || r.kind !== 'quantitative') return { ...r, direction };
  const comparator = r.comparator ?? '=';
  if (comparator === '>=' || comparator === '>') {
    return { raw: r.raw, kind: 'unreadable', note: `反向指标不应写“${COMPARATOR_WORDS[comparator]}”` };
  }
  if (comparator !== '=') return { ...r, direction };
  const note = r.note ? `${r.note}；反向指标：越低越好` : '反向指标：越低越好';
  return { ...r, comparator: '<=', direction, note };
}

// One formatter for the whole build: toLocaleString with options builds a new one on every call,
// which was the largest single cost of rendering a project page.
const NUMBER_FORMAT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 20 });

/** One short plain-Chinese phrase for readers, shown beside the raw text. */
export function formatReading(r: IndicatorValueReading): string {
  switch (r.kind) {
    case 'qualitative':
      return `定性：${r.raw.trim()}`;
    case 'deadline': {
      const d = r.deadline;
      if (!d) return '完成时限';
      const day = d.day !== undefined ? `${d.day}日` : d.endOfMonth ? '底' : '';
      return `${d.year !== undefined ? `${d.year}年` : ''}${d.month}月${day}前完成`;
    }
    case 'quantitative': {
      const negative = r.direction === 'negative' ? '（反向指标）' : '';
      return `${describeQuantity(r)}${negative}`;
    }
    default:
      return `无法识别：${r.note ?? '无法识别的写法'}`;
  }
}

function describeQuantity(r: IndicatorValueReading): string {
  const words = COMPARATOR_WORDS[r.comparator ?? '='];
  if (r.baseline === 'lastYear') return `与往年相比${words}`;
  if (r.number === undefined) return words;
  const n = NUMBER_FORMAT.format(r.number);
  if (r.unit === undefined) return `${words} ${n}`;
  return r.unit === '%' || r.unit === '‰' ? `${words} ${n}${r.unit}` : `${words} ${n} ${r.unit}`;
}
