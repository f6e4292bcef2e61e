// The report: reachability matrices, the connection graph, host endpoints and lint, as HTML,
// SVG, Mermaid or DOT.
export { buildReport, ReportOptions } from './build';
export * from './data';
export { reportToHtml } from './html';
export { graphToDot, graphToMermaid } from './graph-text';
export { graphToSvg } from './svg-graph';
