import { stagePatternId } from './stagePattern';

/** SVG pattern definitions shared by the charts: dots, diagonal lines, cross-hatch, solid. */
export function StagePatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id={stagePatternId(0)} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#e8eef7" />
          <circle cx="3" cy="3" r="1.2" fill="#1f3b63" />
        </pattern>
        <pattern id={stagePatternId(1)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#b9cbe6" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1f3b63" strokeWidth="2" />
        </pattern>
        <pattern id={stagePatternId(2)} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#4f6f9c" />
          <path d="M0 0L6 6M6 0L0 6" stroke="#fff" strokeWidth="1" />
        </pattern>
        <pattern id={stagePatternId(3)} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#1f3b63" />
        </pattern>
      </defs>
    </svg>
  );
}
