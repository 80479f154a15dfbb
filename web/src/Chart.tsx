import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

/** `renderer: 'svg'` draws into the page (labels and reference lines are elements a reader's tools and tests can find). */
export function Chart({ option, height = 360, renderer = 'canvas', testId = 'chart' }: { option: EChartsCoreOption; height?: number; renderer?: 'canvas' | 'svg'; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer });
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, [renderer]);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option, renderer]);
  return <div ref={el} className="chart" style={{ height }} data-testid={testId} />;
}
