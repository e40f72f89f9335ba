import { BUILT_IN_SOURCES } from './figure-sources';
import { FigureRegistry } from './figure-registry';
import { FigureStore } from './figure-store';

/**
 * The process's figure registry. Modules that land later add their source once at start-up
 * (`FIGURE_REGISTRY.add(NOTICE_FIGURES)` in their index.ts or in app.ts); until then their figures are absent.
 */
export const FIGURE_REGISTRY = new FigureRegistry(BUILT_IN_SOURCES);
export const FIGURE_STORE = new FigureStore(FIGURE_REGISTRY);
