import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';

/** Latency buckets in seconds (Prometheus histogram `le`). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  errors: number;
  sum: number;
  buckets: number[];
}

/**
 * Request counts and latencies per GraphQL operation, in Prometheus' text format. The label is the
 * operation's type and first root field (`Mutation.login`), which the schema bounds — never the
 * client's operationName (anyone could invent millions of them) and never a variable: no personal data.
 */
export class Metrics {
  private readonly series = new Map<string, Series>();
  private readonly started = Date.now();

  observe(operation: string, seconds: number, failed: boolean): void {
    let s = this.series.get(operation);
    if (!s) this.series.set(operation, (s = { count: 0, errors: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
    s.count++;
    if (failed) s.errors++;
    s.sum += seconds;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.buckets[i]!++;
  }

  /** The exposition text (version 0.0.4). */
  render(extra: Record<string, number> = {}): string {
    const lines: string[] = [
      '# HELP yorisoi_graphql_requests_total GraphQL requests by operation (type.firstRootField).',
      '# TYPE yorisoi_graphql_requests_total counter',
    ];
    const ops = [...this.series.keys()].sort();
    for (const op of ops) lines.push(`yorisoi_graphql_requests_total{operation="${op}"} ${this.series.get(op)!.count}`);
    lines.push('# HELP yorisoi_graphql_errors_total GraphQL requests whose response carried errors.', '# TYPE yorisoi_graphql_errors_total counter');
    for (const op of ops) lines.push(`yorisoi_graphql_errors_total{operation="${op}"} ${this.series.get(op)!.errors}`);
    lines.push('# HELP yorisoi_graphql_duration_seconds Time from request to response.', '# TYPE yorisoi_graphql_duration_seconds histogram');
    for (const op of ops) {
      const s = this.series.get(op)!;
      BUCKETS.forEach((le, i) => lines.push(`yorisoi_graphql_duration_seconds_bucket{operation="${op}",le="${le}"} ${s.buckets[i]}`));
      lines.push(`yorisoi_graphql_duration_seconds_bucket{operation="${op}",le="+Inf"} ${s.count}`);
      lines.push(`yorisoi_graphql_duration_seconds_sum{operation="${op}"} ${s.sum}`);
      lines.push(`yorisoi_graphql_duration_seconds_count{operation="${op}"} ${s.count}`);
    }
    const mem = process.memoryUsage();
    lines.push(
      '# HELP process_resident_memory_bytes Resident memory.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${mem.rss}`,
    );
    lines.push(
      '# HELP yorisoi_uptime_seconds Seconds since this process started serving.',
      '# TYPE yorisoi_uptime_seconds gauge',
      `yorisoi_uptime_seconds ${(Date.now() - this.started) / 1000}`,
    );
    for (const [name, value] of Object.entries(extra)) lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
    return `${lines.join('\n')}\n`;
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `Query.records`, `Mutation.login`; `invalid` when the request did not parse or validate. */
export function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  if (!operation) return 'invalid';
  const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const field = first && first.kind === Kind.FIELD ? first.name.value : 'fragment';
  const type = operation.operation === 'query' ? 'Query' : operation.operation === 'mutation' ? 'Mutation' : 'Subscription';
  return NAME.test(field) ? `${type}.${field}` : 'invalid';
}

/** The Apollo plugin that feeds Metrics: one observation per request. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const start = process.hrtime.bigint();
      let label = 'invalid';
      return {
        async didResolveOperation({ operation }) {
          label = operationLabel(operation);
        },
        async willSendResponse({ response }) {
          const body = response.body;
          const failed = body.kind === 'single' ? (body.singleResult.errors?.length ?? 0) > 0 : false;
          metrics.observe(label, Number(process.hrtime.bigint() - start) / 1e9, failed);
        },
      };
    },
  };
}
