import { useI18n } from '../../../lib/i18n.js';
import { NODE_TYPES } from '../../../lib/nodeTypes.js';
import { NodeSwatch } from '../../../components/Legend.js';
import { Truncate } from '../../../components/Truncate.js';
import type { CanvasNode } from '../../../components/GraphCanvas.js';

interface NodeListProps {
  nodes: readonly CanvasNode[];
  hidden: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The canvas's nodes as a list of buttons: the keyboard and screen-reader way into the graph
 * (a canvas has no focusable parts), grouped by type and sorted by year.
 */
export function NodeList({ nodes, hidden, selectedId, onSelect }: NodeListProps) {
  const { t } = useI18n();
  const visible = nodes.filter((n) => !hidden.has(n.id));
  return (
    <section className="node-list" aria-label={t('visibleNodes')} data-testid="node-list">
      <h2 className="panel-title">
        {t('visibleNodes')} <span className="count">{visible.length}</span>
      </h2>
      {NODE_TYPES.map((type) => {
        const ofType = visible.filter((n) => n.type === type).sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.label.localeCompare(b.label));
        if (ofType.length === 0) return null;
        return (
          <details key={type} open={ofType.length <= 30} className="node-list__group">
            <summary>
              <NodeSwatch type={type} /> {t(`type_${type}`)} <span className="count">{ofType.length}</span>
            </summary>
            <ul>
              {ofType.map((node) => (
                <li key={node.id}>
                  <button
                    type="button"
                    className={node.id === selectedId ? 'list-button list-button--active' : 'list-button'}
                    aria-current={node.id === selectedId ? 'true' : undefined}
                    onClick={() => onSelect(node.id)}
                    data-node-id={node.id}
                    data-node-type={node.type}
                    data-node-year={node.year ?? ''}
                  >
                    {node.year !== null && node.year !== undefined && <span className="year-chip">{node.year}</span>}
                    <Truncate text={node.label} max={30} />
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
