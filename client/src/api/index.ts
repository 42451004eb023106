export { ApiRequestError, api, apiRequest, type ClientErrorCode, type RequestOptions } from './client';
export * from './endpoints';
export type * from './types';
export { useApiData, type ApiData } from './useApiData';
