/** What other areas may ask of the files area: whether files exist, their public summaries, and storing one in a transaction. */
export { fileExists, fileSummaries, fileUploaders, type FileSummary } from './files.repository.ts';
export { storeFile } from './files.service.ts';
