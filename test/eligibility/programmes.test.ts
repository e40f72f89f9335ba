import { describe, expect, it } from 'vitest';
import { evaluateProgramme, independenceTrainingBenefit, type TrainingCourse } from '../../api/programme/rules';
import { checkResult, loadHouseholdCases, loadYaml } from './helpers';

describe('other programmes (cases/programmes.yaml)', () => {
  it.each(loadHouseholdCases('programmes.yaml'))('$c.name', ({ c, h }) => {
    for (const [id, e] of Object.entries(c.expect)) checkResult(evaluateProgramme(id, h, c.options), e);
  });
});

describe('自立支援教育訓練給付金 amounts (cases/training-benefit.yaml)', () => {
  const cases = loadYaml<{ date: string; course: TrainingCourse; benefit: number; source: string }[]>('training-benefit.yaml');
  it.each(cases)('$course.kind fees $course.fees → $benefit', (c) => {
    expect(independenceTrainingBenefit(c.course, c.date)).toBe(c.benefit);
  });
});
