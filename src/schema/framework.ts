// The indicator framework (一级 → 二级 指标). It is data: a deployment may configure its own in
// site.yaml; the default is the one the source document uses (中发〔2018〕34号).
import { z } from 'astro/zod';
import { keyed } from './keyed.ts';

const frameworkListSchema = z
  .array(
    keyed({
      一级指标: ['level1', z.string().trim().min(1).meta({ description: '一级指标名称，例如“产出指标”', examples: ['产出指标'] })],
      二级指标: [
        'level2',
        z
          .array(z.string().trim().min(1))
          .min(1)
          .meta({ description: '该一级指标下允许的二级指标', examples: [['数量指标', '质量指标']] }),
      ],
    }),
  )
  .min(1);

export type IndicatorFramework = z.output<typeof frameworkListSchema>;

export const DEFAULT_FRAMEWORK: IndicatorFramework = [
  { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { level1: '满意度指标', level2: ['服务对象满意度指标'] },
];

/**
 * Frameworks published by the Ministry of Finance, by the name of their document. 财预〔2021〕101号
 * moved 成本指标 up to 一级; some provinces (四川) keep the cost indicators as 二级 under 产出指标.
 */
export const NAMED_FRAMEWORKS: Record<string, IndicatorFramework> = {
  '中发〔2018〕34号': DEFAULT_FRAMEWORK,
  '财预〔2021〕101号': [
    { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标'] },
    { level1: '成本指标', level2: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
    { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
    { level1: '满意度指标', level2: ['服务对象满意度指标'] },
  ],
  '财预〔2021〕101号（成本在产出下）': [
    { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标', '经济成本指标', '社会成本指标', '生态环境成本指标'] },
    { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
    { level1: '满意度指标', level2: ['服务对象满意度指标'] },
  ],
};
const FRAMEWORK_NAMES = Object.keys(NAMED_FRAMEWORKS);

/** site.yaml 指标体系: the name of a published framework, or a framework written out. */
export const indicatorFrameworkSchema = z
  .union([
    z
      .string()
      .refine((name) => name in NAMED_FRAMEWORKS, { error: `指标体系的名称只能写：${FRAMEWORK_NAMES.join('、')}；或者逐条写出一级指标和二级指标` })
      .transform((name) => NAMED_FRAMEWORKS[name]!)
      .meta({ description: '已发布的指标体系名称', examples: ['财预〔2021〕101号'] }),
    frameworkListSchema,
  ])
  .meta({ description: `指标体系：写已发布体系的名称（${FRAMEWORK_NAMES.join('、')}），或逐条写出每个一级指标及其下允许的二级指标。不写时使用默认体系（中发〔2018〕34号）。` });
