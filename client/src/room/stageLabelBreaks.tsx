import { Fragment, type ReactNode } from 'react';

/**
 * A stage label that may wrap after its slashes ("New/" + "Emerging") rather than inside a word,
 * for the narrow boxes it is drawn in (stage cards, the spread chart's scale).
 */
export function breakableAfterSlashes(label: string): ReactNode {
  const parts = label.split('/');
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: fixed pieces of one label
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}
