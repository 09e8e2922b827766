import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Pool } from 'pg';
import { logger } from './logger';

/**
 * Where document files are kept, by document id. The bytes only: who may read a file is the
 * dossiers service's business (row-level security on the files' descriptions), asked before
 * every read, so a store holds no rights of its own and any of them serves.
 */
export interface DocumentStore {
  readonly kind: 'postgres' | 's3';
  /** Stores the bytes as they arrive; a source that fails leaves nothing stored. */
  put(id: string, mediaType: string, source: AsyncIterable<Buffer>): Promise<void>;
  /** The bytes, streamed; null when none are stored under the id. */
  get(id: string): Promise<Readable | null>;
  delete(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Rows of this size: a 20 MB file is 40 rows, and neither side holds more than one part in memory. */
const PART_BYTES = 512 * 1024;

export interface PostgresStoreUrls {
  /** The application role's connection. */
  app: string;
  /** A role that may create the table (the database's owner); the application role's when not given. */
  migration?: string;
}

/**
 * PostgreSQL, in a database of its own (`motcua_documents` under `npm start`): each file is its
 * parts, written in one transaction, so an upload cut off halfway rolls back to nothing.
 */
export async function postgresDocumentStore(urls: PostgresStoreUrls): Promise<DocumentStore> {
  const owner = new Pool({ connectionString: urls.migration ?? urls.app, max: 1 });
  try {
    await owner.query(`CREATE TABLE IF NOT EXISTS document_part (
      document_id uuid NOT NULL, part integer NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (document_id, part))`);
    if (urls.migration) await owner.query(`GRANT SELECT, INSERT, DELETE ON document_part TO motcua_app`);
  } finally {
    await owner.end();
  }
  const pool = new Pool({ connectionString: urls.app, max: 6 });
  return {
    kind: 'postgres',
    async put(id, _mediaType, source) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        let part = 0;
        let pending: Buffer[] = [];
        let size = 0;
        const flush = async () => {
          await client.query(`INSERT INTO document_part (document_id, part, bytes) VALUES ($1, $2, $3)`, [id, part++, Buffer.concat(pending)]);
          pending = [];
          size = 0;
        };
        for await (const chunk of source) {
          pending.push(chunk);
          size += chunk.length;
          if (size >= PART_BYTES) await flush();
        }
        if (size > 0) await flush();
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async get(id) {
      const { rows } = await pool.query<{ parts: number }>(`SELECT count(*)::int AS parts FROM document_part WHERE document_id = $1`, [id]);
      if (!rows[0].parts) return null;
      const parts = rows[0].parts;
      return Readable.from(
        (async function* () {
          for (let part = 0; part < parts; part += 1) {
            const found = await pool.query<{ bytes: Buffer }>(`SELECT bytes FROM document_part WHERE document_id = $1 AND part = $2`, [id, part]);
            yield found.rows[0].bytes;
          }
        })(),
      );
    },
    async delete(id) {
      await pool.query(`DELETE FROM document_part WHERE document_id = $1`, [id]);
    },
    close: () => pool.end(),
  };
}

export interface S3StoreOptions {
  endpoint?: string;
  region: string;
  bucket: string;
  /** Keys are `<prefix><document id>`. */
  prefix: string;
  /** Else the SDK's usual chain (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** S3-compatible object storage (AWS, MinIO, Ceph, a cloud provider's): streamed up in parts, which a failed upload aborts. */
export function s3DocumentStore(options: S3StoreOptions): DocumentStore {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    // Other S3-compatible servers address buckets by path, not by a DNS name per bucket.
    forcePathStyle: Boolean(options.endpoint),
    credentials: options.credentials,
    // Checksums only where the API requires them: not every S3-compatible server knows the newer ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (id: string) => `${options.prefix}${id}`;
  return {
    kind: 's3',
    async put(id, mediaType, source) {
      const upload = new Upload({
        client,
        params: { Bucket: options.bucket, Key: key(id), Body: Readable.from(source), ContentType: mediaType },
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async get(id) {
      try {
        const found = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key(id) }));
        return found.Body as Readable;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async delete(id) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key(id) }));
    },
    close: async () => client.destroy(),
  };
}

/** The store configured: S3 when DOCUMENTS_S3_BUCKET is set, else PostgreSQL at the URLs given. */
export async function openDocumentStore(s3: S3StoreOptions | undefined, postgres: PostgresStoreUrls | undefined): Promise<DocumentStore | undefined> {
  if (s3) {
    logger.info({ endpoint: s3.endpoint ?? 'AWS', bucket: s3.bucket }, 'documents kept in object storage');
    return s3DocumentStore(s3);
  }
  return postgres ? postgresDocumentStore(postgres) : undefined;
}
