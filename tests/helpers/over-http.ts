import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface HttpAntwoord<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/** One GraphQL request over HTTP with a bearer token, as a client sends it. */
export async function overHttp<TData, TVariables>(
  url: string,
  token: string,
  document: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
): Promise<HttpAntwoord<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
  });
  const body = (await response.json()) as Omit<HttpAntwoord<TData>, 'status'>;
  return { status: response.status, ...body };
}

export const foutcodes = (antwoord: Pick<HttpAntwoord, 'errors'>) => (antwoord.errors ?? []).map((e) => e.extensions?.code);
