import { describe, it } from 'vitest';
import { evaluateProgramme } from '../../api/programme/rules';
import { checkResult, loadHouseholdCases } from './helpers';

for (const file of ['cra-periods.yaml', 'cra-households.yaml', 'cra-status.yaml']) {
  describe(`児童扶養手当 households (cases/${file})`, () => {
    it.each(loadHouseholdCases(file))('$c.name', ({ c, h }) => {
      for (const [id, e] of Object.entries(c.expect)) checkResult(evaluateProgramme(id, h, c.options), e);
    });
  });
}
