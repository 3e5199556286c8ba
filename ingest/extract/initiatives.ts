// CONTRACT PLACEHOLDER: the owner of ingest/extract replaces the body; the signature is shared.
export interface InitiativeMention {
  id: string; // 'init:<name>'
  name: string;
}

export function extractInitiatives(_text: string): InitiativeMention[] {
  return [];
}
