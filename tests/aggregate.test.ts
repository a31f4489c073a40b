import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { departmentPlan, phasesText, plannedFen, runsOf, totalsOf } from '../src/lib/views/aggregate.ts';
import { shareOf, signedYuan } from '../src/lib/views/format.ts';
import { projectSchema } from '../src/schema/project.ts';

const dir = 'content/2023/483001/projects';
const projects = readdirSync(dir).sort().map((f) => projectSchema().parse(parse(readFileSync(`${dir}/${f}`, 'utf8'))));

describe('figures derived for the overview', () => {
  it('adds the 14 budgets to 3,167,310.00 元 and counts 126 indicators', () => {
    const totals = totalsOf(projects);
    expect(totals.total).toBe(316731000n);
    expect(totals.fiscal).toBe(316731000n);
    expect(totals.other).toBe(0n);
    expect(totals.indicators).toBe(126);
  });

  it('names the budget phases the totals add up', () => {
    expect(phasesText(totalsOf(projects))).toBe('年初预算');
    const adjusted = projects.map((p, i) => (i < 2 ? { ...p, budgetPhase: '调整预算' as const } : p));
    expect(totalsOf(adjusted).phases).toEqual([{ phase: '年初预算', projects: 12 }, { phase: '调整预算', projects: 2 }]);
    expect(phasesText(totalsOf(adjusted))).toBe('年初预算 12 个项目、调整预算 2 个项目');
  });

  it('computes a checkpoint’s planned spending exactly, to the fen', () => {
    const garbage = projects.find((p) => p.code === '13022923P00JXC415564L')!;
    expect(plannedFen(garbage, { month: 3, percent: 25 })).toBe(5495000n); // 219,800.00 × 25%
    expect(plannedFen({ ...garbage, total: '100.01' }, { month: 3, percent: 33.33 })).toBe(3333n); // 33.333… 元 rounds to 33.33
    expect(plannedFen(garbage, { month: 3, percent: null })).toBeNull();
  });

  it('sums the department plan without counting an empty checkpoint as 0', () => {
    const plan = departmentPlan(projects);
    expect(plan.map((p) => p.month)).toEqual([3, 6, 10, 12]);
    // 人饮井更新 (40,000.00) plans nothing before December: it is left out, and counted as unplanned.
    expect(plan[0]).toEqual({ month: 3, planned: (316731000n - 4000000n) / 4n, unplanned: 1 });
    expect(plan[3]).toEqual({ month: 12, planned: 316731000n, unplanned: 0 });
  });

  it('groups consecutive equal cells like the approved table merges them', () => {
    expect(runsOf(['a', 'a', 'b', 'a'], (x) => x).map((r) => [r.key, r.rows.length])).toEqual([['a', 2], ['b', 1], ['a', 1]]);
  });
});

describe('shares of a total', () => {
  it('rounds half up to 0.01 % (270,000.00 of 355,000.00 is 76.06 %, not 76.05 %)', () => {
    expect(shareOf(27000000n, 35500000n)).toBe('76.06%');
    expect(shareOf(8500000n, 35500000n)).toBe('23.94%');
    expect(shareOf(1n, 8n)).toBe('12.50%');
    expect(shareOf(1n, 3n)).toBe('33.33%');
    expect(shareOf(5n, 5n)).toBe('100.00%');
    expect(shareOf(0n, 0n)).toBe('—');
  });
});

describe('signed changes', () => {
  it('writes a plus for an increase, a minus for a decrease, nothing for none', () => {
    expect(signedYuan(1020000n)).toBe('+10,200.00');
    expect(signedYuan(-289731000n)).toBe('-2,897,310.00');
    expect(signedYuan(0n)).toBe('0.00');
  });
});
