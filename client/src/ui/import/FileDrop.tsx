import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n.ts';
import { importMessages } from './messages.ts';

/** What the statement picker accepts: every extension banks use for the formats we read. */
const ACCEPT = '.csv,.txt,.tsv,.ofx,.qfx,.qif,.xml,.camt,.sta,.mt940,.940,.942';

export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

async function readAll(files: FileList | null): Promise<PickedFile[]> {
  return Promise.all(
    [...(files ?? [])].map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** A drop zone that is also a labelled file input, so keyboards and screen readers get the same. */
export function FileDrop({ onFiles }: { readonly onFiles: (files: PickedFile[]) => void }) {
  const t = useMessages(importMessages);
  const [isOver, setOver] = useState(false);
  return (
    <label
      class={`import-drop${isOver ? ' is-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void readAll(event.dataTransfer?.files ?? null).then(onFiles);
      }}
    >
      <span class="import-drop-text">{t.drop}</span>
      <span class="button secondary">{t.choose}</span>
      <input
        type="file"
        multiple
        accept={ACCEPT}
        class="visually-hidden"
        data-testid="import-files"
        onChange={(event) => {
          const input = event.currentTarget;
          void readAll(input.files).then((files) => {
            // Cleared so that choosing the same file again fires `change` again.
            input.value = '';
            onFiles(files);
          });
        }}
      />
    </label>
  );
}
