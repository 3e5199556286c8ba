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
    expect(html).toContain('npm start');
    expect(html).toContain('重试');
    expect(html).toContain('role="alert"');
  });
  it("shows the server's own message when the API answered with errors", () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Query Cost limit of 20000 exceeded' }] });
    const html = render(error);
    expect(html).toContain('Query Cost limit of 20000 exceeded');
    expect(html).not.toContain('无法连接到服务');
  });
});
