// What every resolver receives: the request's reader (its own query count) and its DataLoaders.
import type { Reader } from '../db/read/reader.js';
import type { Loaders } from './loaders.js';

export interface ApiContext {
  reader: Reader;
  loaders: Loaders;
}
