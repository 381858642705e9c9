import { writeFile } from 'node:fs/promises';

/*
 * Writes a tiny, randomly initialised llama-architecture GGUF (v3) model: enough for llama.cpp to load it and
 * generate tokens (gibberish), so the gguf provider can be tested without downloading a real model.
 * Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
 */

const valueType = { uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9 } as const;
type Value =
  | { type: 'uint32' | 'int32' | 'float32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; of: 'string' | 'float32' | 'int32'; values: readonly (string | number)[] };

const alignment = 32;
const ggmlTypeF32 = 0;

class Writer {
  readonly parts: Buffer[] = [];
  length = 0;
  push(buffer: Buffer): void {
    this.parts.push(buffer);
    this.length += buffer.length;
  }
  u32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    this.push(buffer);
  }
  i32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32LE(value);
    this.push(buffer);
  }
  u64(value: number): void {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64LE(BigInt(value));
    this.push(buffer);
  }
  f32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeFloatLE(value);
    this.push(buffer);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  scalar(type: 'string' | 'float32' | 'int32' | 'uint32', value: string | number): void {
    if (type === 'string') this.string(String(value));
    else if (type === 'float32') this.f32(Number(value));
    else if (type === 'int32') this.i32(Number(value));
    else this.u32(Number(value));
  }
  pad(): void {
    const rest = this.length % alignment;
    if (rest !== 0) this.push(Buffer.alloc(alignment - rest));
  }
}

function writeValue(writer: Writer, value: Value): void {
  writer.u32(valueType[value.type]);
  if (value.type === 'array') {
    writer.u32(valueType[value.of]);
    writer.u64(value.values.length);
    for (const item of value.values) writer.scalar(value.of, item);
  } else if (value.type === 'bool') writer.push(Buffer.from([value.value ? 1 : 0]));
  else writer.scalar(value.type, value.value);
}

/** A deterministic pseudo-random generator (mulberry32), so the model file is the same every time. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Writes the model to `path`. */
export async function writeTinyGguf(path: string): Promise<void> {
  const embd = 32;
  const ff = 64;
  const heads = 2;
  const bytes = Array.from({ length: 256 }, (_, byte) => `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
  const words = ['▁', ...'abcdefghijklmnopqrstuvwxyz'];
  const tokens = ['<unk>', '<s>', '</s>', ...bytes, ...words];
  const tokenTypes = [2, 3, 3, ...bytes.map(() => 6), ...words.map(() => 1)];
  const vocab = tokens.length;

  const metadata: [string, Value][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'redgreen-tiny-test-model' }],
    ['general.file_type', { type: 'uint32', value: 0 }],
    ['llama.context_length', { type: 'uint32', value: 512 }],
    ['llama.embedding_length', { type: 'uint32', value: embd }],
    ['llama.block_count', { type: 'uint32', value: 1 }],
    ['llama.feed_forward_length', { type: 'uint32', value: ff }],
    ['llama.attention.head_count', { type: 'uint32', value: heads }],
    ['llama.attention.head_count_kv', { type: 'uint32', value: heads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: 1e-5 }],
    ['llama.rope.dimension_count', { type: 'uint32', value: embd / heads }],
    ['llama.vocab_size', { type: 'uint32', value: vocab }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'array', of: 'string', values: tokens }],
    ['tokenizer.ggml.scores', { type: 'array', of: 'float32', values: tokens.map((_, index) => (index < 3 ? 0 : -index)) }],
    ['tokenizer.ggml.token_type', { type: 'array', of: 'int32', values: tokenTypes }],
    ['tokenizer.ggml.bos_token_id', { type: 'uint32', value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: 'uint32', value: 2 }],
    ['tokenizer.ggml.unknown_token_id', { type: 'uint32', value: 0 }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
  ];

  const ones = (n: number) => ({ dims: [n], fill: () => 1 });
  const matrix = (columns: number, rows: number) => ({ dims: [columns, rows], fill: undefined });
  const tensors: [string, { dims: number[]; fill: (() => number) | undefined }][] = [
    ['token_embd.weight', matrix(embd, vocab)],
    ['output_norm.weight', ones(embd)],
    ['output.weight', matrix(embd, vocab)],
    ['blk.0.attn_norm.weight', ones(embd)],
    ['blk.0.attn_q.weight', matrix(embd, embd)],
    ['blk.0.attn_k.weight', matrix(embd, embd)],
    ['blk.0.attn_v.weight', matrix(embd, embd)],
    ['blk.0.attn_output.weight', matrix(embd, embd)],
    ['blk.0.ffn_norm.weight', ones(embd)],
    ['blk.0.ffn_gate.weight', matrix(embd, ff)],
    ['blk.0.ffn_up.weight', matrix(embd, ff)],
    ['blk.0.ffn_down.weight', matrix(ff, embd)],
  ];

  const header = new Writer();
  header.push(Buffer.from('GGUF', 'ascii'));
  header.u32(3);
  header.u64(tensors.length);
  header.u64(metadata.length);
  for (const [key, value] of metadata) {
    header.string(key);
    writeValue(header, value);
  }
  const data = new Writer();
  const next = random(42);
  for (const [name, tensor] of tensors) {
    const count = tensor.dims.reduce((product, dim) => product * dim, 1);
    header.string(name);
    header.u32(tensor.dims.length);
    for (const dim of tensor.dims) header.u64(dim);
    header.u32(ggmlTypeF32);
    header.u64(data.length);
    const values = Buffer.alloc(count * 4);
    for (let index = 0; index < count; index++) values.writeFloatLE(tensor.fill?.() ?? (next() - 0.5) * 0.2, index * 4);
    data.push(values);
    data.pad();
  }
  header.pad();
  await writeFile(path, Buffer.concat([...header.parts, ...data.parts]));
}
