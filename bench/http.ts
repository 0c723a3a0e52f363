import autocannon from 'autocannon';
import { startTestServer } from '../test/support/server.ts';

/**
 * Requests per second and latency of the public read paths a citizen's phone hits, on SQLite with the full Ilo demo
 * (about 300 agents this year, eight past years), 10 connections, 5 seconds each.
 */
export default async function httpBench(): Promise<void> {
  const server = await startTestServer({ full: true });
  const rows: Record<string, string | number>[] = [];
  try {
    const { processes } = await (await fetch(`${server.url}/api/municipalities/ilo/processes`)).json() as { processes: { id: string }[] };
    const p = `/api/municipalities/ilo/processes/${processes[0]!.id}`;
    const targets = [
      '/api/health', '/api/municipalities', '/api/municipalities/ilo', p, `${p}/registry`, `${p}/quotas`, `${p}/trainings`,
      `${p}/participation`, '/api/municipalities/ilo/participation/history',
    ];
    for (const path of targets) {
      const result = await autocannon({ url: server.url + path, connections: 10, duration: 5 });
      rows.push({
        path: path.replace(processes[0]!.id, ':current'),
        'req/s (mean)': Math.round(result.requests.average),
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
  } finally {
    await server.close();
  }
  console.table(rows);
}
