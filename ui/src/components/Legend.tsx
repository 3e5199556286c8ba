import { useI18n } from '../lib/i18n.js';
import { NODE_STYLES, NODE_TYPES, type NodeType } from '../lib/nodeTypes.js';

const SHAPE_PATHS: Record<string, string> = {
  'round-rectangle': 'M3 5 Q3 3 5 3 H15 Q17 3 17 5 V15 Q17 17 15 17 H5 Q3 17 3 15 Z',
  ellipse: 'M10 3 A7 7 0 1 1 9.99 3 Z',
  hexagon: 'M6 3 H14 L18 10 L14 17 H6 L2 10 Z',
  diamond: 'M10 2 L18 10 L10 18 L2 10 Z',
  star: 'M10 2 L12.4 7.5 L18 8 L13.8 11.8 L15 17.5 L10 14.6 L5 17.5 L6.2 11.8 L2 8 L7.6 7.5 Z',
  triangle: 'M10 3 L18 17 H2 Z',
  rectangle: 'M3 4 H17 V16 H3 Z',
};

export function NodeSwatch({ type }: { type: NodeType }) {
  const style = NODE_STYLES[type];
  return (
    <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="swatch">
      <path d={SHAPE_PATHS[style.shape]} fill={style.color} />
    </svg>
  );
}

/** The canvas's key. `types` narrows it to the labels a view actually draws. */
export function Legend({ types = NODE_TYPES }: { types?: readonly NodeType[] }) {
  const { t } = useI18n();
  return (
    <div className="legend" aria-label={t('legend')} role="group">
      {types.map((type) => (
        <span key={type} className="legend__item">
          <NodeSwatch type={type} />
          {t(`type_${type}`)}
        </span>
      ))}
    </div>
  );
}
