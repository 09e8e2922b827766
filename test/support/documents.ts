import { createHash } from 'node:crypto';
import http from 'node:http';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { S3StoreOptions } from '../../shared/document-store';

/** A small file that is what it says: PDF bytes start with %PDF-, as the gateway checks. */
export const pdf = (text: string, padding = 0) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${text}\n`, 'utf8'), Buffer.alloc(padding, 0x20), Buffer.from('\n%%EOF\n')]);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface Uploaded {
  status: number;
  body: any;
}

/** POST /documents on the gateway, as a portal uploads a file. */
export async function upload(
  gatewayUrl: string,
  file: { name: string; bytes: Buffer; type?: string; digitised?: boolean },
  token?: string,
): Promise<Uploaded> {
  const url = new URL(gatewayUrl.replace(/\/graphql$/, '/documents'));
  url.searchParams.set('name', file.name);
  if (file.digitised) url.searchParams.set('digitised', 'true');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': file.type ?? 'application/pdf', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(file.bytes),
  });
  return { status: response.status, body: await response.json() };
}

/** An upload uploaded, its id. */
export async function uploaded(gatewayUrl: string, file: { name: string; bytes: Buffer; type?: string; digitised?: boolean }, token: string) {
  const answer = await upload(gatewayUrl, file, token);
  if (answer.status !== 201) throw new Error(`upload refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/** GET /documents/<id>: the status and the bytes. */
export async function download(gatewayUrl: string, id: string, token?: string) {
  const response = await fetch(gatewayUrl.replace(/\/graphql$/, `/documents/${id}`), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Sends the first `sent` bytes of a body announced longer, then hangs up: an upload that stops halfway. */
export function cutUpload(gatewayUrl: string, token: string, announced: number, sent: Buffer): Promise<void> {
  const url = new URL(gatewayUrl.replace(/\/graphql$/, '/documents?name=cut.pdf'));
  return new Promise((resolve) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', 'content-length': String(announced), authorization: `Bearer ${token}` },
    });
    request.on('error', () => resolve());
    request.write(sent, () =>
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 200),
    );
  });
}

/** Objects under the store's prefix in the configured bucket. */
export async function storedObjects(options: S3StoreOptions): Promise<number> {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: Boolean(options.endpoint),
    credentials: options.credentials,
  });
  let count = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: options.prefix, ContinuationToken: token }));
    count += page.KeyCount ?? 0;
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return count;
}
