/**
 * The S3 API, through the AWS SDK's S3 client (works with AWS S3 and S3-compatible stores such as
 * Hetzner Object Storage, MinIO or moto). Credentials come only from AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN optional) — never from configuration files.
 */
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { ArchiveError } from './errors';

/** A bucket on AWS S3 or an S3-compatible store. */
export interface ObjectStoreLocation {
  readonly bucket: string;
  /** Region name the store expects (an AWS region, or a location such as `fsn1`). */
  readonly region: string;
  /** S3 API URL of an S3-compatible store; undefined means AWS S3. */
  readonly endpoint?: string;
  /** Path-style URLs (`https://host/bucket/key`); S3-compatible stores on plain IPs need them. */
  readonly forcePathStyle: boolean;
}

/** S3 access keys. */
export interface AccessKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Tuning for tests and slow links. */
export interface ObjectStoreOptions {
  /** Attempts per request (the SDK retries network errors and throttling). @default 3 */
  readonly maxAttempts?: number;
  /** Milliseconds without progress before a request fails. @default 60000 */
  readonly requestTimeoutMs?: number;
}

/** The access keys in `env`; an ArchiveError naming the variables when they are missing. */
export function accessKeysFromEnv(env: NodeJS.ProcessEnv): AccessKeys {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new ArchiveError('S3 credentials missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the store\'s access key pair; AWS_SESSION_TOKEN too for temporary AWS credentials)');
  }
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

/** `s3://bucket/key`, for messages and markers. */
export function objectUrl(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** Splits `s3://bucket/key`; undefined for anything else. */
export function parseObjectUrl(url: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  return match ? { bucket: match[1], key: match[2] } : undefined;
}

/** One bucket, the few operations archives need. */
export class ObjectStore {
  public readonly location: ObjectStoreLocation;
  private readonly client: S3Client;

  constructor(location: ObjectStoreLocation, keys: AccessKeys, options: ObjectStoreOptions = {}) {
    this.location = location;
    this.client = new S3Client({
      region: location.region,
      ...(location.endpoint !== undefined ? { endpoint: location.endpoint } : {}),
      forcePathStyle: location.forcePathStyle,
      credentials: keys,
      maxAttempts: options.maxAttempts ?? 3,
      requestHandler: { requestTimeout: options.requestTimeoutMs ?? 60_000, connectionTimeout: 10_000 },
      // Since SDK 3.729 the client adds CRC checksums to every upload by default; several
      // S3-compatible stores reject or mishandle them. Our own sha256 check covers integrity.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Stores `body` under `key` (one PUT: the object appears whole or not at all). */
  async put(key: string, body: Buffer, metadata: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.call(key, () =>
      this.client.send(new PutObjectCommand({ Bucket: this.location.bucket, Key: key, Body: body, ContentLength: body.length, ContentType: 'application/gzip', Metadata: { ...metadata } })),
    );
  }

  /** The object's bytes. */
  async get(key: string): Promise<Buffer> {
    return this.call(key, async () => {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: key }));
      if (!response.Body) throw new ArchiveError(`${objectUrl(this.location.bucket, key)}: empty response`);
      return Buffer.from(await response.Body.transformToByteArray());
    });
  }

  /** Keys under `prefix`, sorted. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call(prefix, () => this.client.send(new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: prefix, ContinuationToken: token })));
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    await this.call(key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: key })));
  }

  /** Closes pooled connections. */
  destroy(): void {
    this.client.destroy();
  }

  private async call<T>(key: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      const where = `${objectUrl(this.location.bucket, key)}${this.location.endpoint ? ` at ${this.location.endpoint}` : ''}`;
      if (e instanceof S3ServiceException) {
        throw new ArchiveError(`${where}: ${e.name} (HTTP ${e.$metadata.httpStatusCode ?? '?'}): ${e.message}`);
      }
      const error = e as NodeJS.ErrnoException;
      throw new ArchiveError(`${where}: ${error.code ? `${error.code}: ` : ''}${error.message}`);
    }
  }
}
