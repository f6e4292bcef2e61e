// Engine inputs from documents held as plain data (lint at synth), read exactly as
// parseEngineInputs reads a file holding them as one JSON array, without the YAML round trip.
import { EngineDocument, EngineInputs, parseEngineDocuments } from '../engine';
import { CalicoVersion } from '../model/calico-version';
import { isJsonData } from './json-data';

/** The documents of one source, in order; `file` names them in findings and errors. */
export interface DocumentSource {
  readonly file: string;
  readonly documents: readonly unknown[];
}

/**
 * What parseEngineInputs returns for `{ file, text: JSON.stringify(documents) }`: the documents go
 * through JSON (unless they already are plain JSON data) and all share document index 0, like the
 * items of a top-level array.
 */
export function engineInputsOfDocuments(sources: readonly DocumentSource[], calicoVersion?: CalicoVersion): EngineInputs {
  const documents: EngineDocument[] = [];
  for (const { file, documents: given } of sources) {
    // documents that are plain JSON data are read as they are (parsing copies what it keeps)
    const items = given.every((d) => isJsonData(d)) ? given : JSON.parse(JSON.stringify(given)) as unknown[];
    for (const doc of items) documents.push({ file, documentIndex: 0, doc });
  }
  return parseEngineDocuments(documents, { calicoVersion });
}
