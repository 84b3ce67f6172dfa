import { fail, type Result } from '@tirelire/shared';
import { categoryModelManifestSchema } from '@tirelire/shared/categorize';
import {
  chooseBackend,
  createTfjsCategoryModel,
  probeBackendEnvironment,
  type TfjsCategoryModel,
  type WasmBinaryUrls,
} from '@tirelire/models/runtime';

export interface DefaultModelSource {
  /** The folder of manifest.json and the files it names: /models/default/ on the app's origin. */
  baseUrl: URL;
  fetch: (url: URL) => Promise<Response>;
  /** The wasm binaries' URLs (bundled with the app); none in Node, which finds its own. */
  wasmBinaries?: WasmBinaryUrls;
  /** Where to look for WebGL and WebAssembly: the worker's global scope. */
  scope?: object;
}

/**
 * Fetches the shipped model (same origin: the service worker has precached it, so this works
 * offline), picks the backend for this device, and loads the model into TF.js.
 */
export async function loadDefaultModel(
  source: DefaultModelSource,
): Promise<Result<TfjsCategoryModel, string>> {
  const manifest = await fetchFile(source, 'manifest.json', (response) => response.json());
  if (!manifest.ok) return manifest;
  // Read first for the two file names; createTfjsCategoryModel checks everything again.
  const parsed = categoryModelManifestSchema.safeParse(manifest.value);
  if (!parsed.success) return fail('invalid_model', 'The model manifest is invalid.');
  const toBytes = (response: Response) => response.arrayBuffer();
  const [embedding, scale] = await Promise.all([
    fetchFile(source, parsed.data.embeddingFile, toBytes),
    fetchFile(source, parsed.data.embeddingScaleFile, toBytes),
  ]);
  if (!embedding.ok) return embedding;
  if (!scale.ok) return scale;
  const backend = chooseBackend(probeBackendEnvironment(source.scope));
  return createTfjsCategoryModel(
    { manifest: manifest.value, embedding: embedding.value, scale: scale.value },
    { backend, ...(source.wasmBinaries ? { wasmBinaries: source.wasmBinaries } : {}) },
  );
}

async function fetchFile<T>(
  source: DefaultModelSource,
  name: string,
  read: (response: Response) => Promise<T>,
): Promise<Result<T, 'unreachable'>> {
  const url = new URL(name, source.baseUrl);
  try {
    const response = await source.fetch(url);
    if (!response.ok) return fail('unreachable', `${url.pathname}: HTTP ${response.status}`);
    return { ok: true, value: await read(response) };
  } catch (error) {
    return fail('unreachable', `${url.pathname} could not be fetched (${String(error)}).`);
  }
}
