/** What other areas may ask of the files area: whether files exist, and their public summaries. */
export { fileExists, fileSummaries, type FileSummary } from './files.repository.ts';
