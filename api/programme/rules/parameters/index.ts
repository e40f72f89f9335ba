// All dated parameters of the engine, in one import.
export * from './dated';
export * from './child-rearing-allowance';
export * from './employment-income';
export * from './child-allowance';
export * from './training';
export * from './loans';
export * from './tax';
export * from './high-school';
export * from './single-parent-family';
export * from './commuter-pass';
export { constant, datedParameter, ParameterError, PARAMETERS_DIR } from './load';
