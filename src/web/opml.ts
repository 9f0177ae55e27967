export { writeOpml as sourcesOpml } from '../ingest/opml.js';
