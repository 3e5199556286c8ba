import type { ReactNode } from 'react';

/**
 * One term and its value inside a <dl>. A fact with no value (null, undefined, '' or false) is
 * left out, so a page lists only what the source says rather than rows of blanks.
 */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
