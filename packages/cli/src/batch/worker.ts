// A batch worker thread: set up once with a processing kind and its rule sets, it turns each chunk
// of lines it is sent into its result and sends it back with the chunk's number.
import { parentPort, workerData } from 'node:worker_threads';
import { processorFor } from './processors.ts';
import { transferables } from './segments.ts';
import { unpack, workerColor, type Packed, type TaskSpec } from './pool.ts';

const data = workerData as { spec: TaskSpec; color: boolean };
workerColor(data.color);
const processor = processorFor(data.spec);
parentPort!.on('message', (m: { seq: number; name: string; packed: Packed }) => {
  processor(unpack(m.packed), m.name).then(
    (result) => parentPort!.postMessage({ seq: m.seq, result }, transferables(result)),
    (e: unknown) => parentPort!.postMessage({ seq: m.seq, error: String((e as Error)?.message ?? e) }),
  );
});
