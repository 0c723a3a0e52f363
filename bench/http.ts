import autocannon from 'autocannon';
import { startTestServer } from '../test/support/server.ts';

/** Requests per second and latency of the public read paths a citizen's phone hits, on SQLite, 10 connections. */
export default async function httpBench(): Promise<void> {
  const server = await startTestServer();
  const targets = ['/api/health', '/api/municipalities', '/api/municipalities/ilo'];
  const rows: Record<string, string | number>[] = [];
  try {
    for (const path of targets) {
      const result = await autocannon({ url: server.url + path, connections: 10, duration: 5 });
      rows.push({
        path,
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
