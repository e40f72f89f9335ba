/** Operations (issue 21): readiness, Prometheus metrics, request ids and the structured request log. */
export { Metrics, metricsPlugin, operationLabel } from './metrics';
export { opsRoutes, requestLog, type OpsOptions } from './routes';
