import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { NodeDetailsDocument } from '../../../generated/graphql.js';
import { useI18n } from '../../../lib/i18n.js';
import { routes } from '../../../lib/routes.js';
import { NodeSwatch } from '../../../components/Legend.js';
import { EmptyState, QueryBoundary } from '../../../components/QueryState.js';
import { isNodeType } from '../../../lib/nodeTypes.js';
import { MeasureDetails } from './MeasureDetails.js';

interface DetailsPanelProps {
  id: string;
  onClose: () => void;
  onExpand: (id: string) => void;
}

/** Which full view a node type has, if any. */
function viewLink(type: string, id: string, label: string, properties: Record<string, unknown>): string | null {
  switch (type) {
    case 'Document':
      return routes.document(id);
    case 'Theme':
      return routes.theme(typeof properties.name === 'string' ? properties.name : label);
    case 'Department':
      return routes.department(typeof properties.name === 'string' ? properties.name : label);
    case 'Measure':
      return routes.lineage(id);
    default:
      return null;
  }
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  if (value === null || value === undefined) return '';
  return String(value);
}

// Properties that are internal or repeated elsewhere in the panel.
const HIDDEN_PROPERTIES = new Set(['id', 'normText', 'sha256', 'text', 'title', 'name']);

export function DetailsPanel({ id, onClose, onExpand }: DetailsPanelProps) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, loading, error, refetch } = useQuery(NodeDetailsDocument, { variables: { id } });
  // Moving focus to the panel's heading tells keyboard and screen-reader users that it opened.
  useEffect(() => headingRef.current?.focus(), [id]);
  const node = data?.node;
  return (
    <aside
      className="details"
      aria-labelledby="details-title"
      data-testid="details-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="details__header">
        <h2 id="details-title" ref={headingRef} tabIndex={-1} className="details__title">
          {node && isNodeType(node.type) && <NodeSwatch type={node.type} />}
          <span>{node ? t(`type_${node.type}`) : t('details')}</span>
        </h2>
        <button type="button" className="button button--ghost button--icon" onClick={onClose} aria-label={t('closeDetails')}>
          ×
        </button>
      </header>
      <div className="details__body">
        <QueryBoundary loading={loading} error={error} data={data} onRetry={() => void refetch()}>
          {({ node }) => {
            if (!node) return <EmptyState>{t('notFound')}</EmptyState>;
            const properties = node.properties;
            const link = viewLink(node.type, node.id, node.label, properties);
            return (
              <>
                {node.type !== 'Measure' && <p className="details__label">{typeof properties.title === 'string' ? properties.title : node.label}</p>}
                <p className="details__actions">
                  <button type="button" className="button button--small" onClick={() => onExpand(node.id)}>
                    {t('expand')}
                  </button>
                  {link && node.type !== 'Measure' && (
                    <Link className="button button--small" to={link}>
                      {node.type === 'Document' ? t('openDocument') : node.type === 'Theme' ? t('openTheme') : t('openDepartment')}
                    </Link>
                  )}
                </p>
                {node.type === 'Measure' ? (
                  <MeasureDetails id={node.id} />
                ) : (
                  <dl className="props">
                    {Object.entries(properties)
                      .filter(([key, value]) => !HIDDEN_PROPERTIES.has(key) && formatValue(value) !== '')
                      .map(([key, value]) => (
                        <div key={key} className="props__row">
                          <dt>{key}</dt>
                          <dd>{formatValue(value)}</dd>
                        </div>
                      ))}
                  </dl>
                )}
              </>
            );
          }}
        </QueryBoundary>
      </div>
    </aside>
  );
}
