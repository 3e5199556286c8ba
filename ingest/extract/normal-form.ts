// The stages here accept original or normalised text. Normalising costs a per-character fold, so
// text that is provably in normal form already (no whitespace, nothing NFKC or the traditional →
// simplified fold would change) is used as it is.
import { isMatchingForm } from '../normalise.js';

export function alreadyNormal(text: string): boolean {
  return isMatchingForm(text);
}
