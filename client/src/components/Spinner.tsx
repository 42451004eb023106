export interface SpinnerProps {
  /** What is loading, in words: "Loading workshops…". Read by screen readers and shown on screen. */
  label?: string;
}

/** A loading indicator with visible text (role="status", so it is announced politely). */
export function Spinner({ label = 'Loading…' }: SpinnerProps) {
  return (
    <div className="spinner" role="status">
      <span className="spinner__ring" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
