// CONTRACT PLACEHOLDER: the owner of ingest/extract replaces the body; the signature is shared.
export interface ExtractedTarget {
  text: string;
  year?: number;
  value?: number;
  unit?: string;
  metric?: string; // what is counted, e.g. '5G基站'
}

export function extractTargets(_text: string, _opts: { defaultYear?: number } = {}): ExtractedTarget[] {
  return [];
}
