/** Entries per page of the public registry (the page and its prefetch ask for the same). */
export const REGISTRY_PAGE = 50;
