/** Onboarding a municipality (issue 21): the command line, its checks, and the service behind both. */
export { CODE_PROBLEM_TEXT, codeProblem, DEMO_CODE, type CodeProblem } from './municipality-code';
export {
  checkNewMunicipality,
  createMunicipality,
  MunicipalityExistsError,
  OnboardingInputError,
  type CreatedMunicipality,
  type NewMunicipality,
} from './onboarding.service';
export { parseCreateArgs, USAGE, type CreateArgs } from './cli-args';
