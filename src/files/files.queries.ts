/** What other areas may ask of the files area: whether files exist, and their public summaries. */
export { fileExists, fileSummaries, fileUploaders, type FileSummary } from './files.repository.ts';
