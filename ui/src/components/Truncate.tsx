/** Long Chinese texts are cut to keep lists readable; the full text stays on hover and for screen readers. */
export function Truncate({ text, max = 40, className }: { text: string; max?: number; className?: string }) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return <span className={className}>{flat}</span>;
  return (
    <span className={className} title={flat}>
      {flat.slice(0, max - 1)}…
    </span>
  );
}
