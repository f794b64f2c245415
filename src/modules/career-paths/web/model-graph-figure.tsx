// The model's picture on the page: the roles as boxes and the ways as arrows (model-graph.ts lays them out), an SVG
// with a title and a description; the same ways are listed in the table beside it, so nothing is only in the picture.
// Licensed roles are drawn dashed and say so in words — never by colour alone.
import { Box } from '@mantine/core';
import { useId } from 'react';
import type { CareerModel } from '../career-paths.contracts.ts';
import { graphDescription, graphScene, NODE } from '../model-graph.ts';

export function ModelGraphFigure({ model, locale, title }: { model: CareerModel; locale: 'sv' | 'en'; title: string }) {
  const scene = graphScene(model, locale);
  const uid = useId().replace(/:/g, '');
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={title}>
      <svg
        viewBox={`0 0 ${scene.width} ${scene.height}`}
        width={scene.width}
        height={scene.height}
        role="img"
        aria-labelledby={`${uid}-t ${uid}-d`}
        style={{ maxWidth: 'none', display: 'block' }}
      >
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{graphDescription(model, locale)}</desc>
        <defs>
          <marker
            id={`${uid}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#444" />
          </marker>
        </defs>
        {scene.edges.map((e) => (
          <path
            key={`${e.from}-${e.to}`}
            d={e.path}
            fill="none"
            stroke="#444"
            strokeWidth={1.5}
            markerEnd={`url(#${uid}-arrow)`}
          />
        ))}
        {scene.nodes.map((n) => (
          <g key={n.key}>
            <rect
              x={n.x}
              y={n.y}
              width={NODE.width}
              height={NODE.height}
              rx={8}
              fill={n.licensed ? '#e7f0fb' : '#ffffff'}
              stroke="#1c3f6e"
              strokeWidth={1.5}
              strokeDasharray={n.licensed ? '5 3' : undefined}
            />
            <text
              x={n.x + NODE.width / 2}
              y={n.y + (n.sub ? 20 : 29)}
              textAnchor="middle"
              fontSize={14}
              fontWeight="bold"
              fill="#10243f"
            >
              {n.label}
            </text>
            {n.sub ? (
              <text x={n.x + NODE.width / 2} y={n.y + 37} textAnchor="middle" fontSize={11} fill="#333">
                {n.sub}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </Box>
  );
}
