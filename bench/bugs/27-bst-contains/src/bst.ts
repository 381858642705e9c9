/** A node of an unbalanced binary search tree of numbers. */
export interface TreeNode {
  value: number;
  left: TreeNode | null;
  right: TreeNode | null;
}

/** Inserts `value` (duplicates are ignored) and returns the possibly new root. */
export function insert(node: TreeNode | null, value: number): TreeNode {
  if (node === null) {
    return { value, left: null, right: null };
  }
  if (value < node.value) {
    node.left = insert(node.left, value);
  } else if (value > node.value) {
    node.right = insert(node.right, value);
  }
  return node;
}

/** True when `value` is stored in the tree rooted at `node`. */
export function contains(node: TreeNode | null, value: number): boolean {
  if (node === null) {
    return false;
  }
  if (value === node.value) {
    return true;
  }
  if (value < node.value) {
    contains(node.left, value);
  }
  return contains(node.right, value);
}

/** Builds a tree from values in insertion order. */
export function fromValues(values: readonly number[]): TreeNode | null {
  let root: TreeNode | null = null;
  for (const v of values) root = insert(root, v);
  return root;
}
