// The strip between the two columns where each link is drawn as a curve from an action to the
// future direction that follows it up; the links of the hovered/focused bullet are drawn strong.
// Decorative (aria-hidden): the numbered references in the bullets carry the same information.
import { useLayoutEffect, useRef, useState } from 'react';

interface Link {
  actions: number;
  future: number;
}

interface Props {
  /** Drawn between the two columns: the gutter's parent holds both, and the anchors are found in it. */
  links: readonly Link[];
  isStrong: (link: Link) => boolean;
  /** Changes when the layout may have changed (item, bullets). */
  layoutKey: string;
}

interface Path {
  key: string;
  d: string;
  y1: number;
  y2: number;
  link: Link;
}

/** Vertical middle of a number badge, relative to the gutter's top. */
function anchorY(root: HTMLElement, side: 'actions' | 'future', index: number, top: number): number | null {
  const el = root.querySelector<HTMLElement>(`[data-anchor="${side}-${index}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.top + r.height / 2 - top;
}

export function LinkGutter({ links, isStrong, layoutKey }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [geometry, setGeometry] = useState<{ width: number; height: number; paths: Path[] }>({ width: 0, height: 0, paths: [] });

  useLayoutEffect(() => {
    // The parent, not a ref of it: a parent's ref is not attached yet when a child's layout effect runs.
    const svg = svgRef.current;
    const root = svg?.parentElement;
    if (!svg || !root) return;
    const measure = () => {
      const box = svg.getBoundingClientRect();
      const w = box.width;
      const paths: Path[] = [];
      for (const link of links) {
        const y1 = anchorY(root, 'actions', link.actions, box.top);
        const y2 = anchorY(root, 'future', link.future, box.top);
        if (y1 === null || y2 === null) continue;
        paths.push({
          key: `${link.actions}-${link.future}`,
          d: `M 4 ${y1} C ${w / 2} ${y1}, ${w / 2} ${y2}, ${w - 4} ${y2}`,
          y1,
          y2,
          link,
        });
      }
      setGeometry({ width: w, height: box.height, paths });
    };
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [links, layoutKey]);

  const { width, height, paths } = geometry;
  // Strong links last, so they are drawn on top.
  const ordered = [...paths].sort((a, b) => Number(isStrong(a.link)) - Number(isStrong(b.link)));
  return (
    <svg
      ref={svgRef}
      className="link-gutter"
      aria-hidden="true"
      width={width || undefined}
      height={height || undefined}
      viewBox={`0 0 ${width || 1} ${height || 1}`}
    >
      {ordered.map((p) => {
        const strong = isStrong(p.link);
        return (
          <g key={p.key} className={strong ? 'link is-strong' : 'link'}>
            <path d={p.d} />
            <circle cx={4} cy={p.y1} r={3} />
            <circle cx={width - 4} cy={p.y2} r={3} />
          </g>
        );
      })}
    </svg>
  );
}
