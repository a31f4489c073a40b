// Derives a reading (comparator, number, unit, deadline …) from a 指标值 exactly as the approved
// document wrote it. The raw text stays the record: anything not read with confidence is 'unreadable'.

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
  /** Short Chinese explanation for readers: why unreadable, or what a baseline means. */
  note?: string;
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
  '米', '延米', '千米', '公里', '平方米', '万平方米', '平方公里', '立方米', '万立方米', '亩', '万亩', '公顷',
  '㎡', 'm²', 'm³', 'km', 'kg', '克', '千克', '公斤', '吨', '万吨',
  '天', '日', '工作日', '个工作日', '年', '个月', '周', '小时', '分钟',
];
const UNIT_SET = new Set(MEASUREMENT_UNITS);
const PERCENT_ALIASES = new Set(['%', '百分百', '百分比']);
// Only as a denominator (`元/月`) is 月 unambiguous.
const DENOMINATOR_EXTRA = new Set(['月']);

const BASELINE = /^1?(?:往年|上年|去年|上一年|上年度|上年同期|去年同期)(?:水平)?$/;

const QUALITATIVE_WORDS = new Set([
  '是', '否', '优', '良', '优秀', '优良', '良好', '较好', '好', '合格', '合规', '达标', '符合', '符合要求',
  '符合标准', '符合规定', '及时', '准时', '完成', '全部完成', '及时完成', '有效', '明显', '显著', '满意',
  '基本满意', '正常', '正常运转', '稳定', '保持稳定', '持续', '长期', '安全', '无事故', '零事故',
]);
const QUALITATIVE_PATTERNS = [
  /^(?:有所|明显|显著|稳步|逐步|进一步|持续|不断|大幅|有效)?(?:提升|提高|改善|增强|增加|增长|降低|减少|下降|优化|加强|好转)$/,
  /^按(?:计划|时|期|要求|规定|标准|合同|进度)(?:实施|完成|执行|推进|开展|进行|拨付)?$/,
];

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

function read(raw: string): IndicatorValueReading {
  const unreadable = (note: string): IndicatorValueReading => ({ raw, kind: 'unreadable', note });
  if (raw.length > MAX_LENGTH) return unreadable('内容过长');

  // Full-width forms (＞＝９０％, ｜) to ASCII; ideographic and no-break spaces to plain spaces.
  const halfWidth = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ');
  // `9 0` could be one number or two: don't pick.
  if (/\d[\s|]+\d/.test(halfWidth)) return unreadable('数字之间有空格或分隔符');
  // Cells split over columns (`≥ | 95 | %`) read as one value.
  const text = halfWidth.replace(/[\s|]+/g, '').replace(/[。；;]+$/, '');
  if (text === '') return unreadable('未填写');

  if (QUALITATIVE_WORDS.has(text) || QUALITATIVE_PATTERNS.some((p) => p.test(text))) {
    return { raw, kind: 'qualitative' };
  }

  const deadline = readDeadline(text);
  if (deadline === 'invalid') return unreadable('日期不存在');
  if (deadline === 'bareDate') return unreadable('只写了日期，未写明是否为完成时限');
  if (deadline) return { raw, kind: 'deadline', deadline };

  const prefix = COMPARATORS.find(([word]) => text.startsWith(word));
  let rest = prefix ? text.slice(prefix[0].length) : text;

  if (BASELINE.test(rest)) {
    return prefix
      ? { raw, kind: 'quantitative', comparator: prefix[1], baseline: 'lastYear', note: '与往年比较' }
      : unreadable('与往年比较但缺少比较符号');
  }

  const numberText = NUMBER.exec(rest)?.[0];
  if (numberText === undefined) return unreadable(prefix ? '比较符号后没有数字' : '无法识别的写法');
  const significant = numberText.replace(/[,.]/g, '').replace(/^0+/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS) return unreadable('数字位数过多');
  const number = Number(numberText.replace(/,/g, ''));
  if (!Number.isFinite(number)) return unreadable('无法识别的写法');
  rest = rest.slice(numberText.length);

  if (RANGE_AFTER_NUMBER.test(rest)) return unreadable('区间写法，未解读');
  if (/^[\d,.]/.test(rest)) return unreadable('数字写法无法识别');

  let comparator: Comparator = prefix ? prefix[1] : '=';
  const suffix = SUFFIX_COMPARATORS.find(([word]) => rest.endsWith(word));
  if (suffix) {
    if (prefix && prefix[1] !== suffix[1]) return unreadable('比较符号前后矛盾');
    comparator = suffix[1];
    rest = rest.slice(0, -suffix[0].length);
  }

  if (rest === '') return { raw, kind: 'quantitative', comparator, number };
  const unit = readUnit(rest);
  if (unit === undefined) return unreadable('数值后不是计量单位');
  return { raw, kind: 'quantitative', comparator, number, unit };
}

function readUnit(text: string): string | undefined {
  if (PERCENT_ALIASES.has(text)) return '%';
  if (UNIT_SET.has(text)) return text;
  // Rates such as 元/人 or 人次/年: every part must be a unit on its own.
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [first, ...per] = parts;
  if (first === undefined || !UNIT_SET.has(first)) return undefined;
  return per.every((p) => UNIT_SET.has(p) || DENOMINATOR_EXTRA.has(p)) ? text : undefined;
}

function readDeadline(text: string): Deadline | 'invalid' | 'bareDate' | undefined {
  const yearEnd = YEAR_END_DEADLINE.exec(text);
  if (yearEnd) return { ...(yearEnd[1] ? { year: Number(yearEnd[1]) } : {}), month: 12, endOfMonth: true };

  // `2023年` names a year, not a quantity of 2,023 years.
  if (/^\d{4}年$/.test(text)) return 'bareDate';
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

const COMPARATOR_WORDS: Record<Comparator, string> = {
  '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '=': '等于',
};

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
      const words = COMPARATOR_WORDS[r.comparator ?? '='];
      if (r.baseline === 'lastYear') return `与往年相比${words}`;
      if (r.number === undefined) return words;
      const n = NUMBER_FORMAT.format(r.number);
      if (r.unit === undefined) return `${words} ${n}`;
      return r.unit === '%' || r.unit === '‰' ? `${words} ${n}${r.unit}` : `${words} ${n} ${r.unit}`;
    }
    default:
      return `无法识别：${r.note ?? '无法识别的写法'}`;
  }
}
