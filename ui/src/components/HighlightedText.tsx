import { Fragment } from 'react';
import { highlightRanges } from '../lib/highlight.js';

/** Renders text with every occurrence of the given phrases marked (<mark>), e.g. theme evidence. */
export function HighlightedText({ text, phrases, className }: { text: string; phrases: readonly string[]; className?: string }) {
  const parts = highlightRanges(text, phrases);
  return (
    <span className={className}>
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </span>
  );
}
