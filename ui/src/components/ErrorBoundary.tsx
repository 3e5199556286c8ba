import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A render error in one view must not blank the whole page: show it and offer a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('view crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    // A lazy chunk that failed to load (server restarted with a new build) is fixed by a reload.
    return (
      <div className="state state--error" role="alert">
        <h2 className="state__title">出错了 · Something went wrong</h2>
        <p className="state__detail">{this.state.error.message}</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          重新加载 · Reload
        </button>
      </div>
    );
  }
}
