// The PB cycle's English messages, merged into one chunk fetched with the first lazily loaded page (see loadCycleMessages):
// the part shared by several areas, then every area's own (web/src/areas/<area>/i18n/en.json, found by the glob).
import common from './en.common.json';

const areas = import.meta.glob<Record<string, unknown>>('../areas/*/i18n/en.json', { eager: true, import: 'default' });

const parts: Record<string, unknown>[] = [common, ...Object.values(areas)];
export default parts;
