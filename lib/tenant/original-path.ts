/** Set by proxy.ts on help-center requests: the path and query the visitor asked for. */
export const ORIGINAL_PATH_HEADER = "x-gatehouse-original-path";
