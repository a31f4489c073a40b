// The indicator framework (一级 → 二级 指标). It is data: a deployment may configure its own in
// site.yaml; the default is the one the source document uses (中发〔2018〕34号).
import { z } from 'astro/zod';
import { keyed } from './keyed.ts';

export const indicatorFrameworkSchema = z
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
  .min(1)
  .meta({ description: '指标体系：每个一级指标及其下允许的二级指标。不写时使用默认体系（中发〔2018〕34号）。' });

export type IndicatorFramework = z.output<typeof indicatorFrameworkSchema>;

export const DEFAULT_FRAMEWORK: IndicatorFramework = [
  { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { level1: '满意度指标', level2: ['服务对象满意度指标'] },
];
