import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { I18nProvider } from '../lib/i18n.js';
import { ErrorState } from './QueryState.js';

function render(error: unknown): string {
  return renderToStaticMarkup(
    <I18nProvider>
      <ErrorState error={error} onRetry={() => {}} />
    </I18nProvider>,
  );
}

describe('ErrorState', () => {
  it('tells the user the service is down when nothing answered, and offers a retry', () => {
    const html = render(new TypeError('Failed to fetch'));
    expect(html).toContain('无法连接到服务');
    expect(html).toContain('重试');
    expect(html).toContain('role="alert"');
  });
  it('says what went wrong in the reader\'s language when the API answered with errors (no English server text in Chinese)', () => {
    const refused = render(new CombinedGraphQLErrors({ errors: [{ message: 'Query cost limit of 50000 exceeded' }] }));
    expect(refused).toContain('出错了');
    expect(refused).not.toContain('Query cost limit');
    expect(refused).not.toContain('无法连接到服务');
    const timeout = render(new CombinedGraphQLErrors({ errors: [{ message: 'timed out', extensions: { code: 'QUERY_TIMEOUT' } }] }));
    expect(timeout).not.toBe(refused);
  });
});
