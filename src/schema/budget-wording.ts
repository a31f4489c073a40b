// The sentences of a 情况说明 that the checks read (src/lib/budget/budget-check.ts), as data: what each
// sentence says (shown to staff when it is not found), and how each wording family writes it. One
// mechanism reads them all (src/lib/budget/note-wording.ts): a sentence is found when any family's
// variant matches, so a 说明 written in another province's words is read as long as its family is here,
// and when none matches the check says it could not read that sentence (a notice, not an error).
//
// A variant is the sentence as printed, with slots for what the check reads:
//   {名}        an amount (digits, “,”, “.”), read as the slot 名
//   {名:名称}    a name (a 类/款/项 name: no punctuation)      {名:文}   any text, as short as possible
//   {名:增减}    增加 or 减少                                   {名:年初全年} 年初 or 全年
//   {名:变动}    增加, 减少, 增长, 下降 or 上升                 {名:年} a year      {名:序号} “1.”, “18”
//   {上年}       last year's number (2025 in a 2026 document)   …         any text, as short as possible
// Full-width and half-width （）：，；% match each other, and a closing ” matches " and ＂. Whitespace and line breaks
// of the 说明 are removed before matching, so a variant is written without spaces.
//
// To add a family (another province's 说明): copy the 上海 family, name it, give its source, and write
// each sentence as that province's published 说明 prints it — from a real document, never guessed —
// then add a test that reads that document (tests/budget-wording.test.ts).

/** The sentences the checks read, what each says in plain words, and the slots its variants must give. */
export const NOTE_SENTENCES = {
  // 部门决算
  决算收支总计: { 说的是: '收入支出总计…万元', 种类: '部门决算', slots: ['总计'] },
  决算收入构成: { 说的是: '本年收入合计…万元，其中：财政拨款收入…万元，占…%', 种类: '部门决算', slots: ['合计', '财政拨款', '占比'] },
  决算支出构成: { 说的是: '本年支出合计…万元，其中：基本支出…万元，占…%；项目支出…万元，占…%', 种类: '部门决算', slots: ['合计', '基本', '基本占比', '项目', '项目占比'] },
  决算拨款总计: { 说的是: '财政拨款收入支出总计…万元', 种类: '部门决算', slots: ['总计'] },
  决算结构: { 说的是: '一般公共预算财政拨款支出按类列出的金额（‘……（类）…万元，占…%’）', 种类: '部门决算', slots: ['段'] },
  决算按类: { 说的是: '……（类）…万元，占…%', 种类: '部门决算', slots: ['类', '金额', '占比'] },
  决算完成率: { 说的是: '年初预算为…万元，支出决算为…万元，完成年初预算的…%', 种类: '部门决算', slots: ['决算', '比', '完成率'] },
  决算项: { 说的是: '……（类）……（款）……（项）…万元', 种类: '部门决算', slots: ['类', '款', '项', '金额'] },
  决算基本支出: { 说的是: '一般公共预算财政拨款基本支出…万元，其中：人员经费…万元……公用经费…万元', 种类: '部门决算', slots: ['基本', '人员', '公用'] },
  决算三公: { 说的是: '‘三公’经费财政拨款支出年初预算为…万元，支出决算为…万元', 种类: '部门决算', slots: ['预算', '决算'] },
  三公比上年: { 说的是: '‘三公’经费财政拨款支出决算数比上年增加（减少）…万元', 种类: '部门决算', slots: ['方向', '金额'] },
  三公出国比上年: { 说的是: '因公出国（境）费支出决算增加（减少）…万元', 种类: '部门决算', slots: ['方向', '金额'] },
  三公用车比上年: { 说的是: '公务用车购置及运行维护费支出决算增加（减少）…万元', 种类: '部门决算', slots: ['方向', '金额'] },
  三公接待比上年: { 说的是: '公务接待费支出决算增加（减少）…万元', 种类: '部门决算', slots: ['方向', '金额'] },
  决算年初预算: { 说的是: '一般公共预算财政拨款支出年初预算为…万元', 种类: '部门决算', slots: ['预算'] },
  // 部门预算
  预算收入: { 说的是: '收入预算…万元，其中：财政拨款收入…万元', 种类: '部门预算', slots: ['收入', '财政拨款'] },
  预算支出: { 说的是: '支出预算…万元，其中：财政拨款支出预算…万元', 种类: '部门预算', slots: ['支出'] },
  预算一般公共: { 说的是: '一般公共预算拨款支出预算…万元', 种类: '部门预算', slots: ['金额'] },
  预算基金: { 说的是: '政府性基金拨款支出预算…万元', 种类: '部门预算', slots: ['金额'] },
  预算国资: { 说的是: '国有资本经营预算拨款支出预算…万元', 种类: '部门预算', slots: ['金额'] },
  预算拨款比上年: { 说的是: '财政拨款支出预算…万元，比上年预算增加（减少）…万元', 种类: '部门预算', slots: ['方向', '变动'] },
  预算一般公共比上年: { 说的是: '一般公共预算拨款支出预算…万元，比上年预算增加（减少）…万元', 种类: '部门预算', slots: ['金额', '方向', '变动'] },
  预算基金比上年: { 说的是: '政府性基金拨款支出预算…万元，比上年预算增加（减少）…万元', 种类: '部门预算', slots: ['方向', '变动'] },
  预算国资比上年: { 说的是: '国有资本经营预算拨款支出预算…万元，比上年预算增加（减少）…万元', 种类: '部门预算', slots: ['方向', '变动'] },
  预算项: { 说的是: '‘……（类）……（款）……（项）’…万元', 种类: '部门预算', slots: ['类', '款', '项', '金额'] },
  预算三公: { 说的是: '‘三公’经费预算数为…万元', 种类: '部门预算', slots: ['金额'] },
  预算三公比上年: { 说的是: '‘三公’经费预算数为…万元，与上年预算持平（或比上年预算增加、减少…万元）', 种类: '部门预算', slots: ['金额'] },
  预算出国: { 说的是: '因公出国（境）费…万元', 种类: '部门预算', slots: ['金额'] },
  预算用车: { 说的是: '公务用车购置及运行费…万元', 种类: '部门预算', slots: ['金额'] },
  预算购车: { 说的是: '公务用车购置费…万元', 种类: '部门预算', slots: ['金额'] },
  预算用车运行: { 说的是: '公务用车运行费…万元', 种类: '部门预算', slots: ['金额'] },
  预算接待: { 说的是: '公务接待费…万元', 种类: '部门预算', slots: ['金额'] },
  预算机关运行: { 说的是: '机关运行经费预算为…万元', 种类: '部门预算', slots: ['金额'] },
} as const satisfies Record<string, { 说的是: string; 种类: '部门预算' | '部门决算'; slots: readonly string[] }>;
export type NoteSentence = keyof typeof NOTE_SENTENCES;

/** One sentence as a family writes it: the section of the 说明 it belongs in, and its variants. */
export interface FamilySentence {
  /** The heading of the section it is in, as the family prints it (shown to staff; the notice points at it). */
  章节: string;
  写法: string[];
}

export interface WordingFamily {
  /** Named as staff say it. */
  name: string;
  /** The province whose documents use it (a document's 地区 starts with it); absent for the central template's. */
  province?: string;
  source: string;
  sentences: Partial<Record<NoteSentence, FamilySentence>>;
}

/**
 * How a sentence stating a change against last year is told, and how its reason is (the 增减有原因 check):
 * a sentence that compares with last year and states an amount of change must give a reason in the same
 * sentence or the next one (after a run of such sentences: “收入……增加……。支出……增加……。增加的主要原因是……”).
 */
export const CHANGE_WORDING = {
  /** A comparison with last year (the sentence must have one). */
  比较: ['比上年', '较上年', '与上年', '比上一年', '较上一年', '与上一年', '同比', '比{年:年}年', '较{年:年}年', '与{年:年}年'],
  /** A change with its amount (万元, 元 or %); 增长/下降 with only a percentage counts. */
  变动: ['{方向:变动}{金额}万元', '{方向:变动}{金额}元', '{方向:变动}{金额}%'],
  /** A reason. */
  原因: ['主要原因', '原因是', '原因：', '原因为', '主要是', '主要由于', '由于', '主要用于', '用于', '因为'],
} as const;

const SHANGHAI_SOURCE = '上海市普陀区 2024–2026 年公开的部门预算、决算的情况说明（tests/fixtures/budget/*.说明.md 所录 7 份，逐字照印）';

/** The families, by name. The 上海 family is what the corpus prints; the central one is the commonly printed template. */
export const WORDING_FAMILIES: WordingFamily[] = [
  {
    name: '上海',
    province: '上海市',
    source: SHANGHAI_SOURCE,
    sentences: {
      决算收支总计: { 章节: '一、收入支出决算总体情况说明', 写法: ['收入支出决算总体情况说明…年度收入支出总计{总计}万元'] },
      决算收入构成: { 章节: '二、收入决算情况说明', 写法: ['本年收入合计{合计}万元，其中：财政拨款收入{财政拨款}万元，占{占比}%'] },
      决算支出构成: { 章节: '三、支出决算情况说明', 写法: ['本年支出合计{合计}万元，其中：基本支出{基本}万元，占{基本占比}%；项目支出{项目}万元，占{项目占比}%'] },
      决算拨款总计: { 章节: '四、财政拨款收入支出决算总体情况说明', 写法: ['年度财政拨款收入支出总计{总计}万元'] },
      决算结构: { 章节: '五、一般公共预算财政拨款支出决算情况说明（二）', 写法: ['支出决算结构情况{段:文}（三）'] },
      // The last % is sometimes left out (宜川路 prints “占76.23;”).
      决算按类: { 章节: '五、一般公共预算财政拨款支出决算情况说明（二）', 写法: ['{类:名称}（类）{金额}万元，占{占比}%', '{类:名称}（类）{金额}万元，占{占比}'] },
      决算完成率: {
        章节: '五、一般公共预算财政拨款支出决算情况说明（三）',
        // Most specific first: a sentence giving both budgets is read whole, not from its 全年 half.
        写法: [
          '年初预算为{年初}万元，全年预算为{全年}万元，支出决算为{决算}万元，完成{比:年初全年}预算的{完成率}%',
          '年初预算为{年初}万元，全年预算为{全年}万元，支出决算为{决算}万元，完成{比:年初全年}预算数的{完成率}%',
          '{基:年初全年}预算为{预算}万元，支出决算为{决算}万元，完成{比:年初全年}预算的{完成率}%',
          '{基:年初全年}预算为{预算}万元，支出决算为{决算}万元，完成{比:年初全年}预算数的{完成率}%',
        ],
      },
      决算项: { 章节: '五、一般公共预算财政拨款支出决算情况说明（三）', 写法: ['{类:名称}（类）{款:名称}（款）{项:名称}（项）{金额}万元'] },
      决算基本支出: { 章节: '六、一般公共预算财政拨款基本支出决算情况说明', 写法: ['基本支出决算情况说明一般公共预算财政拨款基本支出{基本}万元。其中：人员经费{人员}万元…公用经费{公用}万元'] },
      决算三公: { 章节: '七、财政拨款“三公”经费支出决算情况说明', 写法: ['“三公”经费财政拨款支出年初预算为{预算}万元，支出决算为{决算}万元'] },
      三公比上年: { 章节: '七、财政拨款“三公”经费支出决算情况说明', 写法: ['“三公”经费财政拨款支出决算数比{年:年}年度{方向:增减}{金额}万元'] },
      三公出国比上年: { 章节: '七、财政拨款“三公”经费支出决算情况说明', 写法: ['因公出国（境）费支出决算{方向:增减}{金额}万元'] },
      三公用车比上年: { 章节: '七、财政拨款“三公”经费支出决算情况说明', 写法: ['公务用车购置及运行维护费支出决算{方向:增减}{金额}万元'] },
      三公接待比上年: { 章节: '七、财政拨款“三公”经费支出决算情况说明', 写法: ['公务接待费支出决算{方向:增减}{金额}万元'] },
      决算年初预算: { 章节: '五、一般公共预算财政拨款支出决算情况说明（三）', 写法: ['一般公共预算财政拨款支出年初预算为{预算}万元'] },
      预算收入: { 章节: '部门预算编制说明', 写法: ['收入预算{收入}万元，其中：财政拨款收入{财政拨款}万元'] },
      预算支出: { 章节: '部门预算编制说明', 写法: ['支出预算{支出}万元，其中：财政拨款支出预算{财政拨款}万元'] },
      预算一般公共: { 章节: '部门预算编制说明', 写法: ['一般公共预算拨款支出预算{金额}万元'] },
      预算基金: { 章节: '部门预算编制说明', 写法: ['政府性基金拨款支出预算{金额}万元'] },
      预算国资: { 章节: '部门预算编制说明', 写法: ['国有资本经营预算拨款支出预算{金额}万元'] },
      预算拨款比上年: { 章节: '部门预算编制说明', 写法: ['财政拨款支出预算{金额}万元，比{上年}年预算{方向:增减}{变动}万元'] },
      预算一般公共比上年: { 章节: '部门预算编制说明', 写法: ['一般公共预算拨款支出预算{金额}万元，比{上年}年预算{方向:增减}{变动}万元'] },
      预算基金比上年: { 章节: '部门预算编制说明', 写法: ['政府性基金拨款支出预算{金额}万元，比{上年}年预算{方向:增减}{变动}万元'] },
      预算国资比上年: { 章节: '部门预算编制说明', 写法: ['国有资本经营预算拨款支出预算{金额}万元，比{上年}年预算{方向:增减}{变动}万元'] },
      // Numbered “1.”, or “18” without its dot; 文旅 2026 closes item 15 with “＂” (read as ”), 建管委 leaves items 14–15 unclosed.
      预算项: { 章节: '部门预算编制说明', 写法: ['{序:序号}“{类:名称}（类）{款:名称}（款）{项:名称}（项）”{金额}万元', '{序:序号}“{类:名称}（类）{款:名称}（款）{项:名称}（项）{金额}万元'] },
      预算三公: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['“三公”经费预算数为{金额}万元'] },
      预算三公比上年: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['“三公”经费预算数为{金额}万元，与{上年}年预算持平', '“三公”经费预算数为{金额}万元，比{上年}年预算{方向:增减}{变动}万元'] },
      预算出国: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['因公出国（境）费{金额}万元'] },
      预算用车: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['公务用车购置及运行费{金额}万元'] },
      预算购车: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['公务用车购置费{金额}万元'] },
      预算用车运行: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['公务用车运行费{金额}万元'] },
      预算接待: { 章节: '其他相关情况说明 一、“三公”经费预算情况说明', 写法: ['公务接待费{金额}万元'] },
      预算机关运行: { 章节: '其他相关情况说明 二、机关运行经费预算', 写法: ['机关运行经费预算为{金额}万元'] },
    },
  },
  {
    name: '中央模板',
    // These are the wordings commonly printed by counties that follow the central 部门预算/决算公开 template
    // (财预〔2016〕143号 sets what a 说明 covers). The template's own text was not available here, so they are
    // not a citation of it: each is a plain variant of the sentence as such 说明 usually print it. Replace
    // them with a province's exact words (as a family of its own) once a published document is transcribed.
    source: '财预〔2016〕143号《地方预决算公开操作规程》所要求的说明内容；写法是按中央模板编写的说明常见的印法，不是对模板原文的引用',
    sentences: {
      决算收支总计: { 章节: '一、收入支出决算总体情况说明', 写法: ['年度收入、支出决算总计{总计}万元', '年度收入支出决算总计{总计}万元', '收入、支出决算总计各{总计}万元'] },
      决算收入构成: { 章节: '二、收入决算情况说明', 写法: ['收入合计{合计}万元，其中：财政拨款收入{财政拨款}万元，占{占比}%', '本年收入合计{合计}万元，其中：财政拨款收入{财政拨款}万元，占本年收入{占比}%'] },
      决算支出构成: { 章节: '三、支出决算情况说明', 写法: ['支出合计{合计}万元，其中：基本支出{基本}万元，占{基本占比}%；项目支出{项目}万元，占{项目占比}%', '本年支出合计{合计}万元，其中：基本支出{基本}万元，占本年支出{基本占比}%；项目支出{项目}万元，占本年支出{项目占比}%'] },
      决算拨款总计: { 章节: '四、财政拨款收入支出决算总体情况说明', 写法: ['年度财政拨款收入、支出决算总计{总计}万元', '财政拨款收入支出决算总计{总计}万元'] },
      决算结构: { 章节: '五、一般公共预算财政拨款支出决算情况说明（二）', 写法: ['支出决算结构情况{段:文}（三）', '支出决算结构{段:文}（三）'] },
      决算按类: { 章节: '五、一般公共预算财政拨款支出决算情况说明（二）', 写法: ['{类:名称}（类）支出{金额}万元，占{占比}%'] },
      决算基本支出: { 章节: '六、一般公共预算财政拨款基本支出决算情况说明', 写法: ['一般公共预算财政拨款基本支出{基本}万元，其中：人员经费{人员}万元…公用经费{公用}万元'] },
      决算三公: { 章节: '七、财政拨款“三公”经费支出决算情况说明', 写法: ['“三公”经费财政拨款支出预算为{预算}万元，支出决算为{决算}万元', '“三公”经费支出预算为{预算}万元，支出决算为{决算}万元'] },
      预算收入: { 章节: '二、收入预算情况说明', 写法: ['收支总预算{收入}万元…财政拨款收入{财政拨款}万元', '收入预算{收入}万元…一般公共预算拨款收入{财政拨款}万元'] },
      预算支出: { 章节: '三、支出预算情况说明', 写法: ['支出预算{支出}万元'] },
      预算一般公共: { 章节: '五、一般公共预算当年拨款情况说明', 写法: ['一般公共预算当年拨款{金额}万元', '一般公共预算拨款支出预算{金额}万元'] },
      预算基金: { 章节: '八、政府性基金预算支出情况说明', 写法: ['政府性基金预算拨款{金额}万元', '政府性基金预算支出{金额}万元'] },
      预算三公: { 章节: '七、一般公共预算“三公”经费支出预算情况说明', 写法: ['一般公共预算“三公”经费预算支出{金额}万元', '“三公”经费预算支出{金额}万元'] },
      预算出国: { 章节: '七、一般公共预算“三公”经费支出预算情况说明', 写法: ['因公出国（境）费{金额}万元', '因公出国（境）费预算{金额}万元'] },
      预算用车: { 章节: '七、一般公共预算“三公”经费支出预算情况说明', 写法: ['公务用车购置及运行费{金额}万元', '公务用车购置及运行维护费{金额}万元'] },
      预算购车: { 章节: '七、一般公共预算“三公”经费支出预算情况说明', 写法: ['公务用车购置费{金额}万元'] },
      预算用车运行: { 章节: '七、一般公共预算“三公”经费支出预算情况说明', 写法: ['公务用车运行费{金额}万元', '公务用车运行维护费{金额}万元'] },
      预算接待: { 章节: '七、一般公共预算“三公”经费支出预算情况说明', 写法: ['公务接待费{金额}万元'] },
      预算机关运行: { 章节: '九、其他重要事项的情况说明（一）机关运行经费', 写法: ['机关运行经费财政拨款预算{金额}万元', '机关运行经费预算{金额}万元'] },
    },
  },
];

export const wordingFamilyNamed = (name: string) => WORDING_FAMILIES.find((f) => f.name === name);

/** The family a document's 说明 is first read with (its province's, else the central one); the others are tried after it. */
export function wordingFamiliesFor(地区: string): WordingFamily[] {
  const own = WORDING_FAMILIES.find((f) => f.province && 地区.startsWith(f.province)) ?? WORDING_FAMILIES.find((f) => !f.province)!;
  return [own, ...WORDING_FAMILIES.filter((f) => f !== own)];
}
