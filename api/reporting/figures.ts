import { BUILT_IN_SOURCES } from './figure-sources';
import { FigureRegistry, type FigureSource } from './figure-registry';
import { FigureStore } from './figure-store';
import { MANUAL_SOURCE } from './manual-figures';
import { MODULE_SOURCES } from './module-figures';

/** Every source in report order: the built-in ones, outreach, applications, LINE, then what staff enter. */
export const ALL_SOURCES: readonly FigureSource[] = [...BUILT_IN_SOURCES, ...MODULE_SOURCES, MANUAL_SOURCE];

/** The process's figure registry and store. A module not installed has no source here: its figures are absent, not zero. */
export const FIGURE_REGISTRY = new FigureRegistry(ALL_SOURCES);
export const FIGURE_STORE = new FigureStore(FIGURE_REGISTRY);
