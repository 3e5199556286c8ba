// What every resolver receives: the request's reader (its own query count) and its DataLoaders.
import type { Reader } from '../db/read/reader.js';
import type { Loaders } from './loaders.js';
import type { ResponseBudget } from './budget.js';

export interface ApiContext {
  reader: Reader;
  loaders: Loaders;
  /** Fields and bytes this request may still resolve (api/budget.ts). */
  budget?: ResponseBudget;
}
