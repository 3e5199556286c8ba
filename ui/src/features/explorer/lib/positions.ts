// Canvas positions in the URL, so a shared link reloads to the same picture. Positions are listed
// in the order of the merged graph's nodes (which depends only on the URL and the API's
// deterministic answers), as rounded base-36 integers: "x.y" pairs joined by "_".

export type Point = { x: number; y: number };

const enc = (n: number) => Math.round(n).toString(36);
const dec = (s: string) => {
  const v = parseInt(s, 36);
  return Number.isFinite(v) ? v : null;
};

export function encodePositions(ids: readonly string[], positions: ReadonlyMap<string, Point>): string {
  return ids.map((id) => {
    const p = positions.get(id);
    return p ? `${enc(p.x)}.${enc(p.y)}` : '';
  }).join('_');
}

export function decodePositions(ids: readonly string[], encoded: string | null): Map<string, Point> {
  const out = new Map<string, Point>();
  if (!encoded) return out;
  encoded.split('_').forEach((pair, i) => {
    const id = ids[i];
    const [xs, ys] = pair.split('.');
    if (!id || xs === undefined || ys === undefined) return;
    const x = dec(xs);
    const y = dec(ys);
    if (x !== null && y !== null) out.set(id, { x, y });
  });
  return out;
}
