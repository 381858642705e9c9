/** A named unit of work. */
export interface Task {
  name: string;
  run: () => number;
}

/**
 * A first-in, first-out task queue. `drain` runs every queued task in arrival order and
 * returns their results.
 */
export class TaskQueue {
  private readonly tasks: Task[] = [];

  get length(): number {
    return this.tasks.length;
  }

  enqueue(task: Task): void {
    this.tasks.unshift(task);
  }

  next(): Task | undefined {
    return this.tasks.shift();
  }

  drain(): number[] {
    const results: number[] = [];
    for (let task = this.next(); task !== undefined; task = this.next()) {
      results.push(task.run());
    }
    return results;
  }
}
