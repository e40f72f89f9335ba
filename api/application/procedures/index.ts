// The face of the procedures (seeds/procedures): loading, answers, pre-filling and the My Number refusal.
export { loadProcedures, interviewNeeded, type ProcedureBook } from './procedures';
export { checkAnswer, missingAnswers, MY_NUMBER_REFUSED } from './answers';
export { containsMyNumber, isValidMyNumber, myNumberCheckDigit } from './my-number';
export { prefillAnswers, type PrefilledAnswer } from './prefill';
export { RECORD_PATHS, isRecordPath, pathSpec, recordValue, type RecordFacts, type RecordPath } from './record-paths';
export { NUMBER_BOUNDS } from './procedure.loader';
export * from './procedure.types';
export { type MunicipalSettings } from './municipal-settings';
