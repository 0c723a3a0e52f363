// The PB cycle's English messages every page of the cycle needs, in one chunk fetched with the first lazily loaded page
// (see loadCycleMessages): the part shared by several areas, and from every area the words other areas' pages show
// (menus, shared words: the virtual module the Vite config builds). Each area's own messages come with its pages.
import common from './en.common.json';
import shared from 'virtual:concerta-i18n-shared/en';

const parts: Record<string, unknown>[] = [common, ...shared];
export default parts;
