import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from '../lib/echarts.js';

interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
  onClick?: (params: { data?: unknown; name?: string; value?: unknown; dataIndex?: number }) => void;
}

/** One ECharts instance per mounted chart, resized with its box. */
export function EChart({ option, height, ariaLabel, onClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onClickRef = useRef(onClick);
  onClickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => onClickRef.current?.(params as never));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={ariaLabel} />;
}
