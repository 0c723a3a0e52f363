#!/usr/bin/env node
// Entry point of the `concerta` command: the compiled CLI in dist/server (scripts/build.mjs, run by
// `npm ci`, `npm start` and `npm test`). `npm run dev` runs the sources instead.
try {
  await import('../dist/server/main.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/server/main.js')) {
    process.stderr.write('concerta: not built yet; run `npm run build` (npm ci and npm start do it)\n');
    process.exit(1);
  }
  throw err;
}
