// A deterministic circular layout: nodes evenly on a circle in their given order, labels outside.

/** A placed node. */
export interface Placed {
  readonly x: number;
  readonly y: number;
  /** Angle in radians (0 = right, clockwise in screen coordinates). */
  readonly angle: number;
}

/** The layout of n nodes. */
export interface CircleLayout {
  readonly width: number;
  readonly height: number;
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly nodes: readonly Placed[];
}

/** Approximate width of a label in pixels at the report's 12px font. */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 7);
}

/** Places n nodes starting at the top, clockwise, leaving `margin` around for labels. */
export function circleLayout(n: number, margin: number, nodeRadius: number): CircleLayout {
  const radius = n <= 1 ? 0 : Math.max(90, (n * (2 * nodeRadius + 26)) / (2 * Math.PI));
  const cx = margin + radius + nodeRadius;
  const cy = 40 + radius + nodeRadius;
  const nodes: Placed[] = [];
  for (let i = 0; i < n; i++) {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    nodes.push({ x: round(cx + radius * Math.cos(angle)), y: round(cy + radius * Math.sin(angle)), angle });
  }
  return { width: round(2 * cx), height: round(2 * cy), cx, cy, radius, nodes };
}

/** Rounds to 0.1 so the SVG text is stable across platforms. */
export function round(v: number): number {
  return Math.round(v * 10) / 10;
}
