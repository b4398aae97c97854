/** Parley's version and the version of the extraction pipeline recorded on each source. */
export const PARLEY_VERSION = '0.1.0';
export const EXTRACTOR_VERSION = '0.1.0';
