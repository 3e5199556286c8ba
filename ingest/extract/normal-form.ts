// The stages here accept original or normalised text. Normalising costs a per-character fold, so
// text that is provably in normal form already (NFKC and without whitespace) is used as it is.
export function alreadyNormal(text: string): boolean {
  return !/\s/u.test(text) && text.normalize('NFKC') === text;
}
