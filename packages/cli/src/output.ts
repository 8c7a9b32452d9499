// Buffered stdout with backpressure: batch output stays in constant memory however fast cases come.
export class Output {
  private buffer = '';

  write(text: string): void | Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= 1 << 16) return this.flush();
  }

  /** Bytes already encoded (a chunk's determinations): written after what is buffered, as they are. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    return this.put(bytes);
  }

  flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!chunk) return Promise.resolve();
    return this.put(chunk);
  }

  private put(chunk: string | Uint8Array): Promise<void> {
    return new Promise((resolve) => {
      if (process.stdout.write(chunk)) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  }
}
