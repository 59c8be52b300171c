/**
 * Inline SVG icons for controls. Font glyphs (⏮ ◀▏ ▕▶ ✕) render as empty boxes or uneven shapes
 * on Linux without the right fonts; these draw the same everywhere and take `currentColor`.
 */
import type { ReactElement } from 'react';

function Svg({ children, size = 16 }: { children: ReactElement | ReactElement[]; size?: number }) {
  return (
    <svg className="ui-icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const ResetIcon = () => (
  <Svg>
    <path d="M3.5 3v10" {...stroke} />
    <path d="M13 3.5v9L6 8z" fill="currentColor" />
  </Svg>
);
export const StepBackIcon = () => (
  <Svg>
    <path d="M11.5 3.5v9L5 8z" fill="currentColor" />
    <path d="M3.5 3.5v9" {...stroke} />
  </Svg>
);
export const StepForwardIcon = () => (
  <Svg>
    <path d="M4.5 3.5v9L11 8z" fill="currentColor" />
    <path d="M12.5 3.5v9" {...stroke} />
  </Svg>
);
export const PlayIcon = () => (
  <Svg>
    <path d="M4.5 2.8v10.4L13 8z" fill="currentColor" />
  </Svg>
);
export const PauseIcon = () => (
  <Svg>
    <rect x="3.5" y="3" width="3" height="10" rx="0.8" fill="currentColor" />
    <rect x="9.5" y="3" width="3" height="10" rx="0.8" fill="currentColor" />
  </Svg>
);
export const CloseIcon = () => (
  <Svg>
    <path d="M4 4l8 8M12 4l-8 8" {...stroke} />
  </Svg>
);
export const PreviousIcon = () => (
  <Svg>
    <path d="M10 3.5 5.5 8l4.5 4.5" {...stroke} />
  </Svg>
);
export const NextIcon = () => (
  <Svg>
    <path d="M6 3.5 10.5 8 6 12.5" {...stroke} />
  </Svg>
);
/** A panel edge: collapse towards `side` (the chevron points where the panel goes). */
export const CollapseIcon = ({ side }: { side: 'left' | 'right' | 'down' | 'up' }) => (
  <Svg>
    <path d={{ left: 'M10 3.5 5.5 8l4.5 4.5', right: 'M6 3.5 10.5 8 6 12.5', down: 'M3.5 6 8 10.5 12.5 6', up: 'M3.5 10 8 5.5l4.5 4.5' }[side]} {...stroke} />
    <path d={side === 'left' ? 'M3 3v10' : side === 'right' ? 'M13 3v10' : side === 'down' ? 'M3 13h10' : 'M3 3h10'} {...stroke} />
  </Svg>
);
export const CheckIcon = () => (
  <Svg size={14}>
    <path d="m3 8.5 3 3 7-7" {...stroke} />
  </Svg>
);
export const CrossIcon = () => (
  <Svg size={14}>
    <path d="M4 4l8 8M12 4l-8 8" {...stroke} />
  </Svg>
);
export const RevertIcon = () => (
  <Svg size={14}>
    <path d="M5.5 4 2.5 7l3 3" {...stroke} />
    <path d="M2.5 7H10a3.5 3.5 0 0 1 0 7H8" {...stroke} />
  </Svg>
);
