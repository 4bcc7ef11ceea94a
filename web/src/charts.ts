// ECharts with only the parts the explorer uses (bars, lines, scatter on a map), drawn on canvas.
// `mountChart` sizes a chart to its box and returns the disposer the router calls when the view changes.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, GeoComponent, CanvasRenderer]);

export { echarts };

export function mountChart(el: HTMLElement): { chart: echarts.ECharts; dispose: () => void } {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  return {
    chart,
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
