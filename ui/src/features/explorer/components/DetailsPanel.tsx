import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { ExplorerRelationshipCountsDocument, NodeDetailsDocument } from '../../../generated/graphql.js';
import { hasMessage, useI18n } from '../../../lib/i18n.js';
import { routes } from '../../../lib/routes.js';
import { NodeSwatch } from '../../../components/Legend.js';
import { EmptyState, QueryBoundary } from '../../../components/QueryState.js';
import { isNodeType } from '../../../lib/nodeTypes.js';
import { MeasureDetails } from './MeasureDetails.js';

interface DetailsPanelProps {
  id: string;
  onClose: () => void;
  onExpand: (id: string, relationship?: string) => void;
  pinned: boolean;
  onTogglePin: (id: string) => void;
  onHide: (id: string) => void;
  /** The start of a shortest-path search, when one was chosen. */
  pathStart: string | null;
  onPathFrom: (id: string) => void;
  onPathTo: (id: string) => void;
}

/** "Expand by relationship type": each type of link the node has, with how many neighbours. */
function ExpandByType({ id, onExpand }: { id: string; onExpand: (id: string, relationship?: string) => void }) {
  const { t } = useI18n();
  const { data } = useQuery(ExplorerRelationshipCountsDocument, { variables: { id } });
  const relationships = data?.expand?.relationships ?? [];
  if (relationships.length < 2) return null;
  return (
    <div className="details__expand-by" role="group" aria-label={t('expandBy')}>
      <span className="muted small">{t('expandBy')}：</span>
      {relationships.map((r) => {
        const key = `rel_${r.name}`;
        return (
          <button key={r.name} type="button" className="button button--small" onClick={() => onExpand(id, r.name)} data-relationship={r.name}>
            {hasMessage(key) ? t(key) : r.name} ({r.count})
          </button>
        );
      })}
    </div>
  );
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

/**
 * The properties a reader is shown, in this order, under their translated names; anything else
 * (ids, hashes, matching forms, the file path) stays out of the panel.
 */
const SHOWN_PROPERTIES = ['nameEn', 'aliases', 'synonyms', 'kind', 'jurisdiction', 'docNumber', 'issuer', 'issuedOn', 'year', 'yearSource', 'level', 'genre', 'measureCount', 'metric', 'value', 'unit', 'section'];
/** Properties whose values are codes with a translation (kind: institution → 机构). */
const CODED = new Set(['kind', 'yearSource', 'level', 'genre']);

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  if (value === null || value === undefined) return '';
  return String(value);
}

export function DetailsPanel({ id, onClose, onExpand, pinned, onTogglePin, onHide, pathStart, onPathFrom, onPathTo }: DetailsPanelProps) {
  const { t, lang } = useI18n();
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
                {node.type !== 'Measure' && (
                  <p className="details__label">
                    {typeof properties.title === 'string' ? properties.title : lang === 'en' && typeof properties.nameEn === 'string' ? properties.nameEn : node.label}
                  </p>
                )}
                <p className="details__actions">
                  <button type="button" className="button button--small" onClick={() => onExpand(node.id)} data-testid="expand-node">
                    {t('expand')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => onTogglePin(node.id)} aria-pressed={pinned} data-testid="pin-node">
                    {pinned ? t('unpin') : t('pin')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => onHide(node.id)} data-testid="hide-node">
                    {t('hideNode')}
                  </button>
                  {pathStart && pathStart !== node.id ? (
                    <button type="button" className="button button--small" onClick={() => onPathTo(node.id)} data-testid="path-to">
                      {t('pathTo')}
                    </button>
                  ) : (
                    <button type="button" className="button button--small" onClick={() => onPathFrom(node.id)} data-testid="path-from">
                      {t('pathFrom')}
                    </button>
                  )}
                  {link && node.type !== 'Measure' && (
                    <Link className="button button--small" to={link}>
                      {node.type === 'Document' ? t('openDocument') : node.type === 'Theme' ? t('openTheme') : t('openDepartment')}
                    </Link>
                  )}
                </p>
                <ExpandByType id={node.id} onExpand={onExpand} />
                {node.type === 'Measure' ? (
                  <MeasureDetails id={node.id} />
                ) : (
                  <dl className="props">
                    {SHOWN_PROPERTIES.filter((key) => formatValue(properties[key]) !== '' && !(key === 'nameEn' && lang === 'en')).map((key) => {
                      const raw = formatValue(properties[key]);
                      const code = `${key}_${raw}`;
                      const label = `prop_${key}`;
                      return (
                        <div key={key} className="props__row">
                          <dt>{hasMessage(label) ? t(label) : key}</dt>
                          <dd>{CODED.has(key) && hasMessage(code) ? t(code) : raw}</dd>
                        </div>
                      );
                    })}
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
